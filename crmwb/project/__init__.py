"""The project: its plan (phases, milestones, the critical path: :mod:`.planning`), its
governance (steering bodies, the RACI, the risk register: :mod:`.governance`), their sheets
(:mod:`.sheets`: the Project plan and Checklist in :mod:`.planning_sheets`, the RACI in
:mod:`.raci_sheet`, KPI tracking, Actions and Adoption in :mod:`.steering_sheets`, their readers'
base in :mod:`.sheet_reader`), what the client reads of them (:mod:`.views`) and their charts
(:mod:`.charts`)."""
