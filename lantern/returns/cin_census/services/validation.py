"""Checking every census rule over the whole authority, in the background; the findings are kept
so the page can group them by rule and list the children behind each."""

from django.conf import settings
from django.utils import timezone

from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.returns.audit_types import CIN_CENSUS_VALIDATION
from lantern.tasks.registry import register_task
from lantern.tasks.runner import task_start

from ..extract import extract_return
from ..validate import validate_return
from ..years import CollectionYear
from .common import require_whole_authority

VALIDATE_PERMISSION = "census.validate"


def _compact(issue) -> dict:
    return {"rule": issue.rule, "child": issue.person_id, "la_child_id": issue.la_child_id, "where": issue.where}


def _may_validate(actor) -> None:
    require_whole_authority(actor, VALIDATE_PERMISSION)


@register_task("cin_census_validation", permit=_may_validate)
def _run(actor, inputs: dict, progress) -> dict:
    from lantern.returns.models import CensusValidation

    validation_id, year = inputs["validation_id"], CollectionYear(inputs["year"])

    progress(0, 1, "Reading the year's records")
    census = extract_return(year, la_code=settings.LANTERN_LA_CODE)
    total = len(census.children)
    issues = validate_return(census, progress=lambda done, _: progress(done, total, "Checking the census rules"))
    errors = sum(1 for i in issues if i.severity == "error")
    with atomic():
        CensusValidation.objects.filter(pk=validation_id).update(
            children=total, errors=errors, queries=len(issues) - errors, issues=[_compact(i) for i in issues],
            finished_at=timezone.now())
        audit_record(actor=actor, action=Action.REVIEW, object_type=CIN_CENSUS_VALIDATION, object_id=validation_id,
                     detail=f"CIN census {year.label} checked: {total:,} children, {errors} errors, "
                            f"{len(issues) - errors} queries")
    progress(total, total, "Finished")
    return {"Children": total, "Errors": errors, "Queries": len(issues) - errors}


def census_validation_start(*, actor, year: CollectionYear):
    from lantern.returns.models import CensusValidation

    require_whole_authority(actor, VALIDATE_PERMISSION)
    validation = CensusValidation.objects.create(year=year.year, created_by=actor)
    task = task_start(kind="cin_census_validation", title=f"CIN census {year.label}: check every rule", actor=actor,
                      inputs={"validation_id": validation.pk, "year": year.year})
    CensusValidation.objects.filter(pk=validation.pk).update(task=task)
    validation.refresh_from_db()
    return validation
