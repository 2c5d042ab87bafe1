"""The return on investment of the CRM project: benefits, costs, NPV, IRR, payback, the tornado
and the Monte Carlo risk (:mod:`.model`), its sheets (:mod:`.sheets`) and what the client reads
of it (:mod:`.views`) with its charts (:mod:`.charts`)."""
