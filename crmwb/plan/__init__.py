"""The relationship-marketing plan (DOMAIN.md §2): programmes, scenarios, campaigns and
conventions (:mod:`model`), business KPIs told from the others (:mod:`kpis`), the marketing
pressure (:mod:`pressure`), the plan's checks against the method and the journey
(:mod:`checks`), the plan's report (:mod:`views`) and its marketing-pressure calendar
(:mod:`charts`)."""
