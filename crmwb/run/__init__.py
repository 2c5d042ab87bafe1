"""Running the analyses: the batch runner (:mod:`batch`), the client folders (:mod:`clients`)
and the command line (:mod:`cli`)."""
