"""The vendor comparison: criteria, vendors, scores and use cases (:mod:`.model`), the
knock-outs and the rankings (:mod:`.ranking`), the winner's robustness (:mod:`.robustness`), all
of them at once (:mod:`.comparison`), the weights by AHP or by hand (:mod:`.weights`), the
vendors' price lists and the client's volumes (:mod:`.pricing`), their yearly costs and TCO
(:mod:`.costs`) and its Monte Carlo (:mod:`.tco_risk`), the whole comparison
(:mod:`.analysis`), its sheets (:mod:`.sheets`), what the client reads of it (:mod:`.views`, the
vendors' TCO in :mod:`.tco_views`) with its charts (:mod:`.charts`), and its Excel deliverable
(:mod:`.excel`)."""
