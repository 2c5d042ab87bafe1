"""Running the analyses: the batch runner (:mod:`batch`) and what a run says at its end
(:mod:`summary`), the client folders (:mod:`clients`)
and the command line (:mod:`cli`)."""
