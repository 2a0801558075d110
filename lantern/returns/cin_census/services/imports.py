"""Importing a CIN census file from another system: the whole file is checked first and every
problem reported by child, element and line; only a file with none is imported, in one transaction."""

from django.core.exceptions import ValidationError

from lantern.access.policy import require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.returns.audit_types import CIN_CENSUS_IMPORT
from lantern.tasks.registry import register_task
from lantern.tasks.runner import failure_message, task_start
from lantern.tasks.uploads import discard_upload, keep_upload, open_upload, too_large_message

from ..import_checks import issue_problem, lantern_problems, lantern_warnings
from ..importer import import_census
from ..problems import Problem
from ..reader import ENCODING_RULE, read_census
from ..validate import validate_return
from ..years import CollectionYear

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


class UnreadableFile(ValueError):
    """The file could not be read at all (its encoding): the import is refused and its task fails."""


def check_census_file(source):
    """(census, problems, warnings): the file (bytes, or a binary file read a chunk at a time) read
    and every check run. Nothing is written."""
    result = read_census(source)
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


def _refuse(import_id: int, actor, year, problems: list[Problem], warnings: list[Problem]) -> None:
    from lantern.returns.models import CensusImport

    with atomic():
        CensusImport.objects.filter(pk=import_id).update(status=CensusImport.Status.REFUSED, year=year,
                                                         problems=_plain(problems), warnings=_plain(warnings))
        audit_record(actor=actor, action=Action.REVIEW, object_type=CIN_CENSUS_IMPORT, object_id=import_id,
                     detail=f"CIN census file refused: {len(problems)} problems; nothing imported")


def _may_import(actor) -> None:
    require_permission(actor, IMPORT_PERMISSION)


@register_task("cin_census_import", permit=_may_import)
def _run(actor, inputs: dict, progress) -> dict:
    from lantern.accounts.models import Team
    from lantern.returns.models import CensusImport

    import_id = inputs["import_id"]
    record = CensusImport.objects.get(pk=import_id)
    if record.status == CensusImport.Status.IMPORTED:  # finished before its process died: never import twice
        return {"Imported": "already"}
    team = Team.objects.filter(pk=inputs["team_id"]).first() if inputs.get("team_id") else None
    progress(0, 2, "Checking the whole file")
    try:
        with open_upload(inputs["upload"]) as stored:
            census, problems, warnings = check_census_file(stored)
    except Exception as exc:  # the import must not stay "checking the file" whatever went wrong
        _refuse(import_id, actor, None, [Problem(f"The file could not be checked: {exc}"[:300])], [])
        raise
    year = census.header.year if census else None
    unreadable = [p for p in problems if p.rule == ENCODING_RULE]
    if problems:
        _refuse(import_id, actor, year, problems, warnings)
        discard_upload(inputs["upload"])  # refused for what it holds: trying again would refuse it again
        if unreadable:
            raise UnreadableFile(unreadable[0].message)
        return {"Problems": len(problems), "Imported": "nothing"}
    assert census is not None and year is not None  # a file with no problems was read whole
    progress(1, 2, f"Importing {len(census.children):,} children")
    try:
        with atomic():
            counts = import_census(census, actor=actor, team=team, census_import=record)
            CensusImport.objects.filter(pk=import_id).update(status=CensusImport.Status.IMPORTED, year=year,
                                                             warnings=_plain(warnings), counts=counts)
            audit_record(actor=actor, action=Action.CREATE, object_type=CIN_CENSUS_IMPORT, object_id=import_id,
                         detail=f"CIN census {CollectionYear(year).label} imported from {record.filename}: "
                                f"{counts.get('children', 0):,} children, {counts.get('episodes', 0):,} episodes")
    except Exception as exc:  # the database refused a row the checks let through: nothing is kept
        problem = Problem(f"The import stopped and nothing was kept: {failure_message(exc)}"[:300])
        CensusImport.objects.filter(pk=import_id).update(status=CensusImport.Status.REFUSED, year=year,
                                                         problems=[problem.as_dict()], warnings=_plain(warnings))
        raise
    discard_upload(inputs["upload"])
    progress(2, 2, "Finished")
    return {"Children": counts.get("children", 0), "Episodes": counts.get("episodes", 0)}


def census_import_start(*, actor, upload, filename: str, team=None):
    """Keep the uploaded file (streamed to storage, never read whole) and check and import it in the
    background. ``upload`` is any Django File: an UploadedFile from the page, a ContentFile in tests."""
    from lantern.returns.models import CensusImport

    _may_import(actor)
    if upload.size > MAX_BYTES:
        raise ValidationError({"file": too_large_message(MAX_BYTES)})
    stored = keep_upload(upload, folder="census")
    record = CensusImport.objects.create(filename=filename[:200], team=team, uploaded_by=actor)
    task = task_start(kind="cin_census_import", title=f"CIN census import: {filename[:120]}", actor=actor,
                      inputs={"import_id": record.pk, "upload": stored, "team_id": team.pk if team else None})
    CensusImport.objects.filter(pk=record.pk).update(task=task)
    record.refresh_from_db()
    return record
