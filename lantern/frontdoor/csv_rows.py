"""Checking police notification rows one by one: each bad row is refused with its row number, the
column and what is wrong, and every good row is kept. Used by the CSV upload and the API alike."""

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any

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


MAX_ROWS = 20_000  # a force's daily export is a few hundred; a bigger file is split
FIELD_LIMIT = 128 * 1024  # Python's csv module refuses a longer field; said in words, not as a crash


class FileProblem(ValueError):
    """The file cannot be read as notifications at all (its header, a broken row, its size)."""

    def __init__(self, message: str, row: int = 1, column: str = ""):
        super().__init__(message)
        self.message, self.row, self.column = message, row, column

    def as_error(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


def _header(reader) -> list[str]:
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise FileProblem("The file is empty") from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise FileProblem("; ".join(f"The header row has no column called {c}" for c in missing), column=missing[0])
    return header


def csv_rows(stream: IO[bytes]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows numbered as the file counts them (the header is row 1), read from a binary stream as
    they are needed. A missing column, a broken row (an over-long field, often an unclosed quote)
    or more than MAX_ROWS rows raises FileProblem naming the row and the limit."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    n = 1
    try:
        header = _header(reader)
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise FileProblem(_broken(n + 1, exc), row=n + 1) from None
            if not any(v.strip() for v in values):
                continue
            n += 1
            if n - 1 > MAX_ROWS:
                raise FileProblem(f"The file has more than {MAX_ROWS:,} rows of notifications, the most one upload "
                                  "may hold: split it into smaller files", row=n)
            yield n, {k: (v or "").strip() for k, v in zip(header, values, strict=False) if k}
    except UnicodeDecodeError:
        raise FileProblem(f"Row {n + 1} is not UTF-8 text: save the file as CSV UTF-8", row=n + 1) from None
    finally:
        text.detach()  # the caller owns the stream


def _broken(row: int, exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return (f"Row {row} has a field longer than {FIELD_LIMIT // 1024} KB, the most a field may hold. "
                "Check the row: a quote that is never closed makes the rest of the file one field")
    return f"Row {row} cannot be read as CSV: {exc}"


def check_file(stream: IO[bytes]) -> int:
    """Read the whole file once without keeping it, so an upload is refused on its form before any
    work starts; returns the number of rows."""
    count = sum(1 for _ in csv_rows(stream))
    if not count:
        raise FileProblem("The file has a header row but no notifications")
    return count


def read_csv(text: str) -> tuple[list[dict[str, str]], list[dict[str, Any]]]:
    """Rows as dicts (row 1 is the header, so data starts at row 2), or a file-level error."""
    try:
        return [row for _, row in csv_rows(io.BytesIO(text.encode("utf-8")))], []
    except FileProblem as problem:
        if problem.message.startswith("The header row"):
            return [], [{"row": 1, "column": m.rsplit(" ", 1)[-1], "message": m}
                        for m in problem.message.split("; ")]
        return [], [problem.as_error()]


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

