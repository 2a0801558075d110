"""Text written to any spreadsheet export stays text. Excel, LibreOffice and openpyxl read a cell
that opens with =, +, -, @, a tab or a carriage return as a formula (or a DDE call), so a worker's
free text could run on the reader's machine. Every export writes its cells through here."""

from collections.abc import Iterable

from openpyxl.cell import WriteOnlyCell

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_LEADS)


def csv_safe(value):
    """For a CSV file, which keeps no cell types: a leading apostrophe, as Excel's own escape."""
    return f"'{value}" if is_formula_like(value) else value


def text_cell(sheet, value):
    """For a workbook: the words unchanged, stored as a string and marked as typed text
    (quotePrefix), so the reader sees exactly what was recorded and editing it keeps it text.
    Other values pass through, so ordinary cells cost nothing extra."""
    if not is_formula_like(value):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl set "f" for a leading "="; the type decides what is written
    cell.quotePrefix = True
    return cell


def safe_row(sheet, values: Iterable) -> list:
    return [text_cell(sheet, v) for v in values]
