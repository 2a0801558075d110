"""The Children in Need census: extract one collection year from Lantern's records, write the
DfE's XML, check the DfE's validation rules, and import a census file from another system.

Map of the package:
  years.py      collection years and the ruleset each one uses
  codes.py      the census code lists (most are the apps' own code lists)
  records.py    the flat, typed records of a return: what the writer writes, the reader reads
                and the rules check, whether the data came from Lantern or from a file
  extract.py    Lantern's records -> census records, with a fixed number of queries
  writer.py     census records -> XML, streamed
  reader.py     XML -> census records, safely, with a line number for every problem
  rules/        the validation rules, as data in a registry
  validate.py   running the rules over a whole return or one child
  importer.py   census records -> Lantern's records, in one transaction
"""
