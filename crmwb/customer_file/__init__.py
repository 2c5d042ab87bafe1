"""The customer file: reading a client's export within bounds (:mod:`.quality`), its quality
profile, its exact and probable duplicates (:mod:`.duplicates`, with the keys and
normalisation of :mod:`.dedup_keys`), the whole audit (:mod:`.audit`), what the client reads
of it (:mod:`.views`), and the synthetic files that test and benchmark it (:mod:`.synthetic`)."""
