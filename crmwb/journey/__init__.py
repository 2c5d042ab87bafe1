"""The customer journey (DOMAIN.md §1): stages x channels, touchpoints, personas and their paths
(:mod:`model`), its sheets of the workbook (:mod:`sheets`), the journey map's views and charts
(:mod:`views`, :mod:`charts`)."""
