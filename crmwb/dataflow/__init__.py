"""The data flows: where the client's customer data lives and how it moves (the systems, the
flows, the fields and their legal bases: :mod:`.model`), the map's analyses and coverage matrix
(:mod:`.analyses`), the draft record of processing activities (:mod:`.register`), their sheets
(:mod:`.sheets`), the flow map drawn from them (:mod:`.flow_map`; what both engines draw:
:mod:`.map_content`, the engines: :mod:`.map_dot`, :mod:`.map_matplotlib`) and what the client
reads of the data-flow audit (:mod:`.views`)."""
