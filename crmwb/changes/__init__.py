"""What changed between two runs of a client: its inputs, sheet by sheet and cell by cell
(:mod:`inputs`), and its results — key figures, recommendations, findings (:mod:`results`) —,
told in the terminal and as a deliverable for the steering committee (:mod:`deliverable`).

The runs are read as they were kept: the workbook's values (a snapshot, ``inputs/workbook.json``
of a run folder) and each analysis's results (``results/<analysis>.json``). The runner and the
command line load them; nothing here imports the runner.
"""
