"""Exporting a collection year as the DfE's XML, in the background, and downloading it."""

import hashlib
import io

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lantern.access.policy import require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.selectors import children_of_event
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.people.models import Person
from lantern.returns.audit_types import CIN_CENSUS_DOWNLOAD, CIN_CENSUS_EXPORT
from lantern.tasks.registry import register_task
from lantern.tasks.runner import task_start

from ..extract import episodes_in_year, extract_return
from ..validate import validate_return
from ..writer import write_return
from ..years import CollectionYear
from .common import require_whole_authority

EXPORT_PERMISSION = "census.export"


def _release() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lantern")
    except PackageNotFoundError:
        return "development"


def _may_export(actor) -> None:
    require_whole_authority(actor, EXPORT_PERMISSION)


@register_task("cin_census_export", permit=_may_export)
def _run_export(actor, inputs: dict, progress) -> dict:
    from lantern.returns.models import CensusExport

    export_id, year = inputs["export_id"], CollectionYear(inputs["year"])

    progress(0, 3, "Reading the year's records")
    census = extract_return(year, la_code=settings.LANTERN_LA_CODE)
    progress(1, 3, f"Checking {len(census.children):,} children against the census rules")
    issues = validate_return(census)
    errors = sum(1 for i in issues if i.severity == "error")
    progress(2, 3, "Writing the file")
    stream = io.BytesIO()
    write_return(census, stream, serial=export_id, generated_at=timezone.localtime(), release=_release())
    data = stream.getvalue()
    restricted = Person.objects.filter(pk__in=episodes_in_year(year).values("child_id"), is_restricted=True).count()
    with atomic():
        CensusExport.objects.filter(pk=export_id).update(
            xml=data, sha256=hashlib.sha256(data).hexdigest(), children=len(census.children), errors=errors,
            queries=len(issues) - errors, finished_at=timezone.now())
        audit_record(actor=actor, action=Action.EXPORT, object_type=CIN_CENSUS_EXPORT, object_id=export_id,
                     children=[c.person_id for c in census.children if c.person_id],
                     detail=f"CIN census {year.label}: {len(census.children):,} children ({restricted} restricted), "
                            f"{errors} errors")
    progress(3, 3, "Finished")
    return {"Children": len(census.children), "Errors": errors, "Queries": len(issues) - errors}


def census_export_start(*, actor, year: CollectionYear):
    """Start an export of ``year``; returns the CensusExport, whose file appears when the task ends."""
    from lantern.returns.models import CensusExport

    require_whole_authority(actor, EXPORT_PERMISSION)
    export = CensusExport.objects.create(year=year.year, created_by=actor)
    task = task_start(kind="cin_census_export", title=f"CIN census {year.label}: export", actor=actor,
                      inputs={"export_id": export.pk, "year": year.year})
    CensusExport.objects.filter(pk=export.pk).update(task=task)
    export.refresh_from_db()
    return export


def census_export_download(*, actor, export) -> bytes:
    """The file, for the person who made it; each download is audited."""
    require_permission(actor, EXPORT_PERMISSION)
    if export.created_by_id != actor.pk or not export.is_ready:
        raise PermissionDenied("Only the person who made an export can download it, once it is finished")
    audit_record(actor=actor, action=Action.EXPORT, object_type=CIN_CENSUS_DOWNLOAD, object_id=export.pk,
                 children=children_of_event("cin_census_export", export.pk),
                 detail=f"CIN census {export.year} file downloaded ({export.children:,} children)")
    return bytes(export.xml)
