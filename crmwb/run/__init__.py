"""Running the analyses: the batch runner (:mod:`batch`), what it executes and what it carries
from the latest run (:mod:`incremental`, :mod:`fingerprint`), its run folders (:mod:`folders`),
what a run says at its end (:mod:`summary`), the client folders (:mod:`clients`) and the
command line (:mod:`cli`, :mod:`mission_cli`, :mod:`cli_support`)."""
