"""The total cost of ownership: licence against SaaS over the years, costs by category, the
month the cumulative costs cross (:mod:`.model`), and what the client reads of it
(:mod:`.views`) with its charts (:mod:`.charts`)."""
