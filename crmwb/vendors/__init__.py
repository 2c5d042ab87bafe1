"""The vendor comparison: criteria, scores and rankings (:mod:`.model`), the weights by AHP or
by hand (:mod:`.weights`), the vendors' prices and their TCO (:mod:`.pricing`), the whole
comparison (:mod:`.analysis`), its sheets (:mod:`.sheets`) and what the client reads of it
(:mod:`.views`) with its charts (:mod:`.charts`)."""
