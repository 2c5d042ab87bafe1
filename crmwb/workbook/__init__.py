"""The client workbook: its fields and sheets, the template's writing, the reader with its
cell-named errors (:mod:`book`), the blank templates (:mod:`template`) and safe saving
(:mod:`save`)."""
