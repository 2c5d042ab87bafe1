"""The return on investment of the CRM project: the benefit levers (:mod:`.levers`), the case
and its results, NPV, IRR and payback (:mod:`.model`), the scenarios, tornado and Monte Carlo
risk (:mod:`.study`), its sheets (:mod:`.sheets`) and what the client reads of it
(:mod:`.views`) with its charts (:mod:`.charts`)."""
