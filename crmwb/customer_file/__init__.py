"""The customer file: reading a client's export within bounds (:mod:`.reading`, a CSV by
:mod:`.reading_csv`, an XLSX by :mod:`.reading_xlsx`; the column mapping and the reading errors in
:mod:`.mapping`), the rules each field is normalised and checked by (:mod:`.field_rules`), its
quality profile and exact duplicates (:mod:`.quality`), shown masked (:mod:`.masking`), its
probable duplicates (:mod:`.duplicates`, with the keys and normalisation of :mod:`.dedup_keys`),
the whole audit (:mod:`.audit`), what the client reads of it (:mod:`.views`), and the synthetic
files that test and benchmark it (:mod:`.synthetic`)."""
