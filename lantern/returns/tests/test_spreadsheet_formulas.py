"""Free text that opens like a formula (=, +, -, @, tab, carriage return) must reach the Annex A
workbook as text, never as a live formula: each leading character through the workbook writer, and
a screener's free-text early help service through the whole export."""

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from lantern.returns.annex_a import testing as t
from lantern.returns.annex_a.period import Period
from lantern.returns.annex_a.selectors import AnnexList, Column
from lantern.returns.annex_a.selectors.common import Child, ListRows
from lantern.returns.annex_a.services import annex_a_export_start
from lantern.returns.annex_a.writer import AnnexWorkbook
from lantern.returns.models import ReportFile
from lantern.returns.spreadsheets import FORMULA_LEADS, csv_safe, is_formula_like

from .casework import census_child

DANGEROUS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://example.invalid","x")']


def _book_with(text: str):
    period = Period(date(2025, 1, 1), date(2025, 6, 30))
    book = AnnexWorkbook(authority=text, period=period, generated_at=datetime(2025, 7, 1, 9, 0))
    child = Child(unique_id="LAN-1", gender=text, ethnicity="WBRI", date_of_birth=date(2015, 1, 1), age=10,
                  disability="No", team=text, worker=text)
    annex_list = AnnexList(1, "Contacts", (Column("Date of Contact", "date"), Column("Contact Source")),
                           lambda _: ListRows(), disability=False, allocated=False)
    book.add_list(annex_list, ListRows(rows=[(1, (date(2025, 2, 3), text))], people={1: child}))
    stream = io.BytesIO()
    book.save(stream)
    return load_workbook(io.BytesIO(stream.getvalue()))


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_like_text_is_written_as_text_in_every_cell(text):
    book = _book_with(text)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} became a formula"
    kept = text.replace("\r", "\n")  # XML reads a carriage return back as a line feed
    assert book["List 1"]["B2"].value == kept  # the words are kept exactly
    assert book["List 1"]["G2"].value == kept
    assert book["Cover"]["B3"].value == kept


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_each_leading_character_is_escaped_for_csv(lead):
    assert lead in FORMULA_LEADS and is_formula_like(f"{lead}cmd")
    assert csv_safe(f"{lead}cmd") == f"'{lead}cmd"
    assert csv_safe("Brindleford Family Hub") == "Brindleford Family Hub"  # ordinary text unchanged
    assert csv_safe(date(2025, 1, 1)) == date(2025, 1, 1)


@pytest.mark.django_db
def test_free_text_from_a_decision_is_not_a_formula_in_the_export(team, social_worker, analyst):
    child = census_child(team, social_worker, 1, first_name="Amira", date_of_birth=date(2016, 5, 14))
    made = t.contact(child, t.PERIOD.start, "2A")
    t.early_help_decision(made, social_worker, t.PERIOD.start, '=HYPERLINK("http://example.invalid","Hub")')
    report = annex_a_export_start(actor=analyst, start=t.PERIOD.start, end=t.PERIOD.end)
    report = ReportFile.objects.get(pk=report.pk)
    book = load_workbook(io.BytesIO(bytes(report.content)))
    cells = [c for row in book["List 2"].iter_rows(min_row=2) for c in row
             if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)
