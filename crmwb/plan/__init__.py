"""The relationship-marketing plan (DOMAIN.md §2): programmes, scenarios, campaigns and their
checks against the journey (:mod:`model`), the plan's report (:mod:`views`) and its
marketing-pressure calendar (:mod:`charts`)."""
