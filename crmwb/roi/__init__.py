"""The return on investment of the CRM project: benefits, costs, NPV, IRR, payback, the tornado
and the Monte Carlo risk (:mod:`.model`), its sheet (:mod:`.sheets`, laid out by
:mod:`.sheet_layout`) and what the client reads of it (:mod:`.views`)."""
