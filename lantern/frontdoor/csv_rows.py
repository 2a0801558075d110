"""Checking police notification rows one by one: each bad row is refused with its row number, the
column and what is wrong, and every good row is kept. Used by the CSV upload and the API alike."""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .codes import RiskLevel

COLUMNS = ("police_reference", "incident_date", "victim_name", "perpetrator_name", "address", "postcode",
           "children_in_household", "children_details", "dash_risk")
REQUIRED = ("police_reference", "incident_date", "victim_name", "address", "children_in_household", "dash_risk")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$")
_REFERENCE = re.compile(r"^[A-Za-z0-9/\-]{3,40}$")
CHILDREN_CODES = {"y": "Y", "yes": "Y", "n": "N", "no": "N", "u": "U", "unknown": "U", "not known": "U"}
MAX_LENGTHS = {"victim_name": 160, "perpetrator_name": 160, "address": 240, "children_details": 2000}


@dataclass
class Checked:
    good: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (row number, clean values)
    errors: list[dict[str, Any]] = field(default_factory=list)  # {"row", "column", "message"}

    def refuse(self, row: int, column: str, message: str) -> None:
        self.errors.append({"row": row, "column": column, "message": message})


def read_csv(text: str) -> tuple[list[dict[str, str]], list[dict[str, Any]]]:
    """Rows as dicts (row 1 is the header, so data starts at row 2), or a file-level error."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        return [], [{"row": 1, "column": c, "message": f"The header row has no column called {c}"} for c in missing]
    reader.fieldnames = header
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader], []


def _date(text: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def check_row(n: int, raw: dict[str, str], today: date, seen: set[str], checked: Checked) -> None:
    before = len(checked.errors)
    clean: dict[str, Any] = {c: (raw.get(c) or "").strip() for c in COLUMNS}
    for column in REQUIRED:
        if not clean[column]:
            checked.refuse(n, column, f"{column} is empty")
    ref = clean["police_reference"]
    if ref and not _REFERENCE.match(ref):
        checked.refuse(n, "police_reference", "Use 3 to 40 letters, digits, / or -")
    elif ref and ref.upper() in seen:
        checked.refuse(n, "police_reference", f"{ref} has already been received")
    if clean["incident_date"]:
        when = _date(clean["incident_date"])
        if when is None:
            checked.refuse(n, "incident_date",
                           f"'{clean['incident_date']}' is not a date: use 2025-03-27 or 27/03/2025")
        elif when > today:
            checked.refuse(n, "incident_date", "The incident date is in the future")
        clean["incident_date"] = when
    postcode = clean["postcode"].upper()
    if postcode and not _POSTCODE.match(postcode):
        checked.refuse(n, "postcode", f"'{clean['postcode']}' is not a postcode")
    clean["postcode"] = postcode
    kids = clean["children_in_household"].lower()
    if kids and kids not in CHILDREN_CODES:
        checked.refuse(n, "children_in_household", "Use Y, N or U (not known)")
    clean["children_in_household"] = CHILDREN_CODES.get(kids, "")
    risk = clean["dash_risk"].lower()
    if risk and risk not in RiskLevel.values:
        checked.refuse(n, "dash_risk", "Use standard, medium or high")
    clean["dash_risk"] = risk
    for column, limit in MAX_LENGTHS.items():
        if len(clean[column]) > limit:
            checked.refuse(n, column, f"Longer than {limit} characters")
    clean["police_reference"] = ref.upper()
    if len(checked.errors) == before:
        seen.add(ref.upper())
        checked.good.append((n, clean))


def check_rows(rows: list[dict[str, str]], today: date, existing: set[str], *, first_row: int = 2) -> Checked:
    checked = Checked()
    seen = {r.upper() for r in existing}
    for n, raw in enumerate(rows, start=first_row):
        check_row(n, raw, today, seen, checked)
    return checked

