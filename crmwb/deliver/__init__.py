"""The deliverables: view primitives (:mod:`views`), the HTML and PDF reports (:mod:`report`)
and the client pack with its manifest (:mod:`pack`)."""
