"""The vendor comparison: criteria, vendors, scores and use cases (:mod:`.model`), the
knock-outs and the rankings (:mod:`.ranking`), the winner's robustness (:mod:`.robustness`), all
of them at once (:mod:`.comparison`), the weights by AHP or by hand (:mod:`.weights`), the
vendors' prices and their TCO (:mod:`.pricing`), the whole comparison (:mod:`.analysis`), its
sheets (:mod:`.sheets`) and what the client reads of it (:mod:`.views`) with its charts
(:mod:`.charts`)."""
