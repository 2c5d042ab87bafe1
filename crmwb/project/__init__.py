"""The project: its plan (phases, milestones, the critical path: :mod:`.planning`), its
governance (steering bodies, the RACI, the risk register: :mod:`.governance`), their sheets
(:mod:`.sheets`), what the client reads of them (:mod:`.views`) and their charts
(:mod:`.charts`)."""
