"""A CIN census file -> census records, read safely and strictly.

Safety: the file is parsed with the standard library's expat parser, which is given no chance to
expand entities: a DOCTYPE (where entities would be declared) stops the parse at once, and external
entities and parameter entities are refused. That closes the billion-laughs and external-entity
attacks without defusedxml.

Strictness: every element must be one the DfE specification names, inside the right parent and in
the right order; every date must be a real ISO date. Each problem keeps the line it was found on and,
once it is known, the LAchildID of the child it belongs to. Code values are not judged here: the
census rules do that, for files and Lantern's own records alike."""

import codecs
import io
import re
from typing import IO, Any
from xml.parsers import expat
from xml.parsers.expat import errors as expat_errors

from .fields import LEAVES, BadValue
from .problems import Problem, ReadResult
from .records import (
    AssessmentRecord,
    ChildRecord,
    CinPlanRecord,
    CpPlanRecord,
    EpisodeRecord,
    Header,
    Return,
    Section47Record,
)
from .schema import POSITIONS, PRE_PROCEEDINGS, SCHEMA, UNORDERED
from .years import SUPPORTED_YEARS, CollectionYear

MAX_PROBLEMS = 2000
CHUNK = 1 << 16
ENCODING_RULE = "encoding"  # a problem that stops the file being read at all: its task fails
_DECLARED = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']""")
# expat's codes for bytes that are not text in the declared encoding, or an encoding it cannot use.
ENCODING_ERRORS = {expat_errors.codes[m] for m in (
    expat_errors.XML_ERROR_UNKNOWN_ENCODING, expat_errors.XML_ERROR_INCORRECT_ENCODING)}
# An invalid token is broken markup, or bytes that are not text in the declared encoding: the chunk says which.
TOKEN_ERRORS = {expat_errors.codes[m] for m in (expat_errors.XML_ERROR_INVALID_TOKEN,
                                                expat_errors.XML_ERROR_PARTIAL_CHAR)}
REQUIRED = {"Message": ("Header", "Children"), "Header": ("CollectionDetails",),
            "CollectionDetails": ("Collection", "Year", "ReferenceDate"), "Child": ("ChildIdentifiers",)}


class UnsafeXml(Exception):
    pass


class _Frame:
    __slots__ = ("name", "line", "position", "text", "ignored", "seen")

    def __init__(self, name: str, line: int, ignored: bool = False):
        self.name, self.line, self.ignored = name, line, ignored
        self.position = -1
        self.text: list[str] = []
        self.seen: set[str] = set()


def _refuse(*_args):
    raise UnsafeXml("The file declares a DOCTYPE or entities; census files never do, so it was not read")


class _Reader:
    def __init__(self):
        self.stack: list[_Frame] = []
        self.header = Header(year=0, reference_date=None)
        self.children: list[ChildRecord] = []
        self.current: dict[str, Any] = {"header": self.header}
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.child_problems_from = 0
        self.parser = expat.ParserCreate()
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.StartDoctypeDeclHandler = _refuse
        self.parser.EntityDeclHandler = _refuse
        self.parser.ExternalEntityRefHandler = _refuse
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.characters
        self.parser.buffer_text = True

    def problem(self, message: str, element: str = "", line: int | None = None, *, warning: bool = False) -> None:
        found = self.warnings if warning else self.problems
        if len(found) < MAX_PROBLEMS:
            found.append(Problem(message=message, element=element, line=line))

    # ---- elements ------------------------------------------------------------------------------

    def start(self, name: str, attributes: dict) -> None:
        line = self.parser.CurrentLineNumber
        parent = self.stack[-1] if self.stack else None
        if attributes:
            self.problem(f"<{name}> has attributes ({', '.join(attributes)}); census elements have none, "
                         "and the file has no XML namespace", name, line)
        if parent is None:
            if name != "Message":
                self.problem(f"The file starts with <{name}>; a CIN census file starts with <Message>", name, line)
            self.stack.append(_Frame(name, line, ignored=name != "Message"))
            return
        if parent.ignored or not self._placed(parent, name, line):
            self.stack.append(_Frame(name, line, ignored=True))
            return
        self.stack.append(_Frame(name, line))
        self._open_record(name, line)

    def _placed(self, parent: _Frame, name: str, line: int) -> bool:
        if parent.name not in SCHEMA:
            self.problem(f"<{parent.name}> holds a value, so it cannot contain <{name}>", name, line)
            return False
        positions = POSITIONS[parent.name]
        if name not in positions:
            self.problem(f"<{name}> is not an element of <{parent.name}> in the CIN census", name, line)
            return False
        position, repeats = positions[name]
        if parent.name not in UNORDERED:
            if position < parent.position or (position == parent.position and not repeats):
                where = "again" if position == parent.position else "out of order"
                self.problem(f"<{name}> appears {where} inside <{parent.name}>; the order is "
                             f"{', '.join(n.rstrip('*') for n in SCHEMA[parent.name])}", name, line)
            parent.position = max(parent.position, position)
        parent.seen.add(name)
        return True

    def _open_record(self, name: str, line: int) -> None:
        current = self.current
        if name == "Child":
            child = ChildRecord(la_child_id="", line=line)
            self.children.append(child)
            current["Child"] = child
            self.child_problems_from = len(self.problems)
        elif name == "CINdetails":
            current["CINdetails"] = episode = EpisodeRecord(referral_date=None, nfa=None, line=line)
            current["Child"].episodes.append(episode)
        elif name == "Assessments":
            current["Assessments"] = record = AssessmentRecord(start=None, line=line)
            current["CINdetails"].assessments.append(record)
        elif name == "CINPlanDates":
            current["CINPlanDates"] = plan = CinPlanRecord(start=None, line=line)
            current["CINdetails"].cin_plans.append(plan)
        elif name == "Section47":
            current["Section47"] = s47 = Section47Record(start=None, icpc_not_required=None, line=line)
            current["CINdetails"].s47s.append(s47)
        elif name == "ChildProtectionPlans":
            current["ChildProtectionPlans"] = cpp = CpPlanRecord(start=None, line=line)
            current["CINdetails"].cp_plans.append(cpp)
        elif name == "Reviews":
            current["reviews_before"] = len(current["ChildProtectionPlans"].reviews)
        elif name == "PreProceedingsandFGDM":
            self.problem("Pre-proceedings and family group decision making are not held in Lantern yet; this "
                         "block was not imported", name, line, warning=True)

    def end(self, name: str) -> None:
        frame = self.stack.pop()
        if frame.ignored:
            return
        text = "".join(frame.text).strip()
        if name in SCHEMA:
            if text:
                self.problem(f"<{name}> contains text {text[:30]!r}; it should only contain elements", name, frame.line)
            missing = [n for n in REQUIRED.get(name, ()) if n not in frame.seen]
            if missing:
                self.problem(f"<{name}> has no {', '.join(f'<{n}>' for n in missing)}", name, frame.line)
            if name == "Reviews":
                self._review_without_date()
            if name == "Child":
                la_child_id = self.current["Child"].la_child_id
                for problem in self.problems[self.child_problems_from:]:
                    problem.la_child_id = la_child_id
            return
        parent = self.stack[-1].name if self.stack else ""
        self._leaf(parent, name, text, frame.line)

    def _review_without_date(self) -> None:
        # A review with no date is the DfE's query 8842Q, not a broken file: it is kept as None so the
        # rule reports it against the plan, and so it can be corrected or explained.
        plan = self.current["ChildProtectionPlans"]
        if len(plan.reviews) == self.current["reviews_before"]:
            plan.reviews.append(None)

    def _leaf(self, parent: str, name: str, text: str, line: int) -> None:
        if not text or (parent == "Source" and name != "LEA") or name in PRE_PROCEEDINGS:
            return
        if (parent, name) == ("CollectionDetails", "Collection"):
            if text != "CIN":
                self.problem(f"<Collection> is {text!r}; a CIN census file says CIN", name, line)
            return
        kind, attribute, read, appends = LEAVES[(parent, name)]
        try:
            value = read(text)
        except BadValue as exc:
            self.problem(f"<{name}> {exc}", name, line)
            return
        record = self.current[kind]
        if appends:
            getattr(record, attribute).append(value)
        else:
            setattr(record, attribute, value)
        if (parent, name) == ("CollectionDetails", "Year") and value not in SUPPORTED_YEARS:
            self.problem(f"<Year> {value} is not a collection year Lantern reads ({SUPPORTED_YEARS[0]}-"
                         f"{SUPPORTED_YEARS[-1]})", name, line)
        if name in ("Sex", "GenderCurrent") and self.header.year in SUPPORTED_YEARS:
            uses_sex = CollectionYear(self.header.year).uses_sex
            if uses_sex != (name == "Sex"):
                wanted = "Sex" if uses_sex else "GenderCurrent"
                self.problem(f"The {self.header.year} census records the child's {wanted}, not <{name}>", name, line)

    def characters(self, data: str) -> None:
        if self.stack:
            self.stack[-1].text.append(data)

    # ---- the whole file ------------------------------------------------------------------------

    def read(self, source: IO[bytes]) -> ReadResult:
        first = source.read(CHUNK)
        if not first.strip() and not source.read(CHUNK).strip():
            return ReadResult(None, [Problem("The file is empty")], [])
        try:
            chunk = first
            while chunk:
                self.parser.Parse(chunk, False)
                chunk = source.read(CHUNK)
            self.parser.Parse(b"", True)
        except UnsafeXml as exc:
            return ReadResult(None, [Problem(str(exc), line=self.parser.CurrentLineNumber)], [])
        except (LookupError, ValueError):  # expat asked Python for a codec it has not got, or cannot use
            return ReadResult(None, [_encoding_problem(first)], [])
        except expat.ExpatError as exc:
            if exc.code in ENCODING_ERRORS or (exc.code in TOKEN_ERRORS and not _decodes(chunk, first)):
                return ReadResult(None, [*self.problems, _encoding_problem(first, exc.lineno)], self.warnings)
            message = f"The file is not well-formed XML: {expat.ErrorString(exc.code)}"
            return ReadResult(None, [*self.problems, Problem(message, line=exc.lineno)], self.warnings)
        return ReadResult(Return(header=self.header, children=self.children), self.problems, self.warnings)


def _declared(first: bytes) -> str:
    found = _DECLARED.search(first[:200])
    return found.group(1).decode("ascii", "replace") if found else "UTF-8"


def _decodes(chunk: bytes, first: bytes) -> bool:
    try:
        codecs.getincrementaldecoder(_declared(first))().decode(chunk, final=False)
    except (LookupError, UnicodeDecodeError):
        return False
    return True


def _encoding_problem(first: bytes, line: int | None = None) -> Problem:
    name = _declared(first)
    where = f" (line {line})" if line else ""
    return Problem(f"The file cannot be read in the encoding it declares, {name}{where}: census files are UTF-8. "
                   "Save the file as UTF-8 and upload it again", line=line, rule=ENCODING_RULE)


def read_census(source: bytes | IO[bytes]) -> ReadResult:
    """Read from a binary file a chunk at a time (bytes are read the same way)."""
    return _Reader().read(io.BytesIO(source) if isinstance(source, bytes) else source)
