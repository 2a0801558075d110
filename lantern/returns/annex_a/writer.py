"""The Annex A workbook, written with openpyxl in write-only mode so that a large authority's lists
stream to disk instead of sitting in memory: a cover sheet, one sheet per list (bold header row,
frozen, dates as real Excel dates shown dd/mm/yyyy, set column widths), and the Notes sheet."""

from datetime import date, datetime
from typing import IO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..spreadsheets import safe_row, text_cell
from .period import Period
from .selectors import DATE, AnnexList, ListRows

DATE_FORMAT, DATETIME_FORMAT = "dd/mm/yyyy", "dd/mm/yyyy hh:mm"
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class AnnexWorkbook:
    """Add the lists in order with ``add_list``, then ``save``; the cover is filled in last, once
    the row counts are known, but stays the first sheet."""

    def __init__(self, *, authority: str, period: Period, generated_at: datetime):
        self.book = Workbook(write_only=True)
        self.cover = self.book.create_sheet("Cover")
        self.authority, self.period, self.generated_at = authority, period, generated_at
        self.counts: list[tuple[AnnexList, int, int]] = []
        self.notes: list[str] = []

    def _cell(self, sheet, value, *, bold: bool = False, number_format: str = "", wrap: bool = False):
        cell = text_cell(sheet, value)
        if cell is value:  # not formula-like: an ordinary cell
            cell = WriteOnlyCell(sheet, value=value)
        if bold:
            cell.font = BOLD
        if number_format:
            cell.number_format = number_format
        if wrap:
            cell.alignment = WRAP
        return cell

    def _append(self, sheet, values: list) -> None:
        # Every row goes through here, so no text cell can reach the file as a formula.
        sheet.append(safe_row(sheet, values))

    def add_list(self, annex_list: AnnexList, found: ListRows) -> None:
        sheet = self.book.create_sheet(annex_list.sheet)
        columns = annex_list.columns
        for n, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(n)].width = column.width
        sheet.freeze_panes = "A2"
        self._append(sheet, [self._cell(sheet, c.header, bold=True, wrap=True) for c in columns])
        # One date cell per column, its value changed row by row: a write-only sheet writes each
        # row out as it is appended, and making a styled cell per date costs a third of the time.
        dated = {n: self._cell(sheet, None, number_format=DATE_FORMAT)
                 for n, column in enumerate(columns) if column.kind == DATE}
        for child_id, own in found.rows:
            values = list(annex_list.cells(found.people[child_id], own))
            for n, cell in dated.items():
                if isinstance(values[n], date):
                    cell.value, values[n] = values[n], cell
            self._append(sheet, values)
        self.counts.append((annex_list, len(found.rows), len(found.children)))
        self.notes.extend(found.notes)

    def _write_cover(self) -> None:
        sheet = self.cover
        sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 44, 48
        sheet.column_dimensions["C"].width = 12
        self._append(sheet, [self._cell(sheet, "Ofsted Annex A: child-level lists 1 to 7", bold=True)])
        self._append(sheet, [])
        self._append(sheet, ["Local authority", self.authority])
        self._append(sheet, ["Period from", self._cell(sheet, self.period.start, number_format=DATE_FORMAT)])
        self._append(sheet, ["Period to", self._cell(sheet, self.period.end, number_format=DATE_FORMAT)])
        self._append(sheet, ["Generated at", self._cell(sheet, self.generated_at.replace(tzinfo=None),
                                                      number_format=DATETIME_FORMAT)])
        self._append(sheet, ["Produced by", "Lantern"])
        self._append(sheet, [])
        self._append(sheet, [self._cell(sheet, v, bold=True) for v in ("List", "Sheet", "Rows", "Children")])
        for annex_list, rows, children in self.counts:
            self._append(sheet, [f"List {annex_list.number}: {annex_list.title}", annex_list.sheet, rows, children])
        self._append(sheet, [])
        self._append(sheet, ["Lists 8 to 11 (children in care, care leavers, adoption, adopters) are not included: "
                      "Lantern does not hold looked-after children's records yet. See the Notes sheet."])

    def _write_notes(self) -> None:
        from .notes import GAPS, HOW

        sheet = self.book.create_sheet("Notes")
        sheet.column_dimensions["A"].width = 120
        self._append(sheet, [self._cell(sheet, "How the lists are made", bold=True)])
        for line in HOW:
            self._append(sheet, [self._cell(sheet, line, wrap=True)])
        self._append(sheet, [])
        self._append(sheet, [self._cell(sheet, "What Lantern does not record (blank cells)", bold=True)])
        for line in GAPS:
            self._append(sheet, [self._cell(sheet, line, wrap=True)])
        if self.notes:
            self._append(sheet, [])
            self._append(sheet, [self._cell(sheet, "About this run", bold=True)])
            for line in self.notes:
                self._append(sheet, [self._cell(sheet, line, wrap=True)])

    def save(self, stream: IO[bytes]) -> None:
        self._write_cover()
        self._write_notes()
        self.book.save(stream)
