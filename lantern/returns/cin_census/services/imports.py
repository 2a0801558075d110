"""Importing a CIN census file from another system: the whole file is checked first and every
problem reported by child, element and line; only a file with none is imported, in one transaction."""

from django.db import transaction

from lantern.access.policy import require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.tasks.runner import task_start

from ..import_checks import issue_problem, lantern_problems, lantern_warnings
from ..importer import import_census
from ..problems import Problem
from ..reader import read_census
from ..validate import validate_return
from ..years import CollectionYear
from .common import in_background

IMPORT_PERMISSION = "census.import"
MAX_BYTES = 200 * 1024 * 1024


def _targets(census) -> dict:
    """The statutory clock's due date for each Section47 record's initial conference."""
    from lantern.obligations.clock import current_clock
    from lantern.timescales.deadlines import compute_deadline
    from lantern.timescales.rules import rule_for

    clock, rule = current_clock(), rule_for("initial_cp_conference")
    return {id(s): compute_deadline(rule, s.start, calendar=clock.calendar, policy=clock.policy).due_date
            for c in census.children for e in c.episodes for s in e.s47s if s.start}


def check_census_file(data: bytes):
    """(census, problems, warnings): the file read and every check run. Nothing is written."""
    result = read_census(data)
    if result.census is None or result.problems:
        return None, result.problems, result.warnings
    census = result.census
    issues = validate_return(census)
    problems = [issue_problem(i) for i in issues if i.severity == "error"]
    warnings = result.warnings + [issue_problem(i) for i in issues if i.severity == "query"]
    problems += lantern_problems(census)
    warnings += lantern_warnings(census, _targets(census))
    return census, problems, warnings


def _plain(problems: list[Problem]) -> list[dict]:
    return [p.as_dict() for p in problems]


def _run(import_id: int, actor, data: bytes, team, progress) -> dict:
    from lantern.returns.models import CensusImport

    progress(0, 2, "Checking the whole file")
    census, problems, warnings = check_census_file(data)
    year = census.header.year if census else None
    if problems:
        with transaction.atomic():
            CensusImport.objects.filter(pk=import_id).update(status=CensusImport.Status.REFUSED, year=year,
                                                             problems=_plain(problems), warnings=_plain(warnings))
            audit_record(actor=actor, action=Action.REVIEW, object_type="cin_census_import", object_id=import_id,
                         detail=f"CIN census file refused: {len(problems)} problems; nothing imported")
        return {"Problems": len(problems), "Imported": "nothing"}
    assert census is not None and year is not None  # a file with no problems was read whole
    progress(1, 2, f"Importing {len(census.children):,} children")
    record = CensusImport.objects.get(pk=import_id)
    try:
        with transaction.atomic():
            counts = import_census(census, actor=actor, team=team, census_import=record)
            CensusImport.objects.filter(pk=import_id).update(status=CensusImport.Status.IMPORTED, year=year,
                                                             warnings=_plain(warnings), counts=counts)
            audit_record(actor=actor, action=Action.CREATE, object_type="cin_census_import", object_id=import_id,
                         detail=f"CIN census {CollectionYear(year).label} imported from {record.filename}: "
                                f"{counts.get('children', 0):,} children, {counts.get('episodes', 0):,} episodes")
    except Exception as exc:  # the database refused a row the checks let through: nothing is kept
        problem = Problem(f"The import stopped and nothing was kept: {exc}"[:300])
        CensusImport.objects.filter(pk=import_id).update(status=CensusImport.Status.REFUSED, year=year,
                                                         problems=[problem.as_dict()], warnings=_plain(warnings))
        raise
    progress(2, 2, "Finished")
    return {"Children": counts.get("children", 0), "Episodes": counts.get("episodes", 0)}


def census_import_start(*, actor, data: bytes, filename: str, team=None):
    from lantern.returns.models import CensusImport

    require_permission(actor, IMPORT_PERMISSION)
    record = CensusImport.objects.create(filename=filename[:200], team=team, uploaded_by=actor)
    task = task_start(kind="cin_census_import", title=f"CIN census import: {filename[:120]}", actor=actor,
                      work=in_background(lambda progress: _run(record.pk, actor, data, team, progress)))
    CensusImport.objects.filter(pk=record.pk).update(task=task)
    record.refresh_from_db()
    return record

