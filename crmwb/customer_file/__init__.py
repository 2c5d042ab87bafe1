"""The customer file: reading a client's export within bounds (:mod:`.reading`, a CSV by
:mod:`.reading_csv`, an XLSX by :mod:`.reading_xlsx`; the column mapping and the reading errors in
:mod:`.mapping`), the rules each field is normalised and checked by (:mod:`.field_rules`), its
quality profile and exact duplicates (:mod:`.quality`), shown masked (:mod:`.masking`), its
probable duplicates (:mod:`.duplicates`: the keys and normalisation of :mod:`.dedup_keys`, the
pairs compared by :mod:`.dedup_blocking`, how by :mod:`.dedup_comparisons`, the model trained by
:mod:`.dedup_training` with the prior of :mod:`.dedup_scoring`), the whole audit (:mod:`.audit`),
what the client reads of it (:mod:`.views`), and the synthetic files that test and benchmark it
(:mod:`.synthetic_customers`, :mod:`.synthetic_people`: drawn from the tables of
:mod:`.synthetic_tables`, the people of :mod:`.synthetic_identities`, their copies changed by
:mod:`.synthetic_variants`, written by :mod:`.synthetic_files`)."""
