"""The vendor comparison: criteria, scores and rankings (:mod:`.model`), the weights by AHP or
by hand (:mod:`.weights`), the vendors' prices and their TCO (:mod:`.pricing`), the whole
comparison (:mod:`.comparison`), its sheets (:mod:`.sheets`: laid out by :mod:`.sheet_layout`;
the Criteria and Pairwise sheets read by :mod:`.criteria_sheets`, the Scores and Use cases by
:mod:`.scores_sheets`, the Pricing sheet by :mod:`.pricing_sheet`, on the base of
:mod:`.sheet_reader`) and what the client reads of it (:mod:`.views`)."""
