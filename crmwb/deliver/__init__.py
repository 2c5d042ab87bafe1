"""The deliverables: view primitives (:mod:`views`), the charts' house style and shared pieces
(:mod:`charts`), the HTML and PDF reports (:mod:`report`) and the client pack with its manifest
(:mod:`pack`)."""
