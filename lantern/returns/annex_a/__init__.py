"""Ofsted Annex A: child-level lists 1 to 7 as an Excel workbook for a period (see README.md)."""
