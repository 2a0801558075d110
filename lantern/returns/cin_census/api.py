"""The CIN census over the API: start an export, follow it, download it; check every rule for a
year and read the findings; one child's findings. Same services, policy and audit trail as the pages."""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema

from lantern.access.policy import OutOfReach, child_for, require_permission, sections_for
from lantern.api.paging import PageQuery, page_of, paged_list
from lantern.api.schema import Number, Text
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.returns.audit_types import CIN_CENSUS, CIN_CENSUS_ISSUES

from .services import census_export_download, census_export_start, census_issues_for_child, census_validation_start
from .years import SUPPORTED_YEARS, CollectionYear, current_collection_year

router = Router(tags=["Statutory returns and performance"])


class CensusExportOut(Schema):
    id: int
    year: int
    status: str
    task_id: int | None
    children: int
    errors: int
    queries: int
    finished_at: datetime | None
    download: str | None


class ValidationOut(Schema):
    id: int
    year: int
    status: str
    children: int
    errors: int
    queries: int
    finished_at: datetime | None
    by_rule: dict[str, int]


class IssueOut(Schema):
    rule: str
    severity: str
    message: str
    where: str


def _year(year: int) -> CollectionYear:
    if year not in SUPPORTED_YEARS:
        raise PermissionDenied(f"Lantern writes the CIN census for {SUPPORTED_YEARS[0]}-{SUPPORTED_YEARS[-1]}")
    return CollectionYear(year)


def _export_out(export) -> dict:
    return {"id": export.pk, "year": export.year, "status": "done" if export.is_ready else "running",
            "task_id": export.task_id, "children": export.children, "errors": export.errors,
            "queries": export.queries, "finished_at": export.finished_at,
            "download": f"/api/v1/census/exports/{export.pk}/file" if export.is_ready else None}


def _own_export(request, export_id: int):
    from lantern.returns.models import CensusExport

    require_permission(request.auth, "census.export")
    export = CensusExport.objects.defer("xml").filter(pk=export_id, created_by=request.auth).first()
    if export is None:
        raise OutOfReach("No export of yours has that number")
    return export


@router.post("/census/{year}/exports", response={202: CensusExportOut}, summary="Start a CIN census export",
             description="year is the collection year (the census ending 31 March of it). Follow the export at "
                         "/api/v1/census/exports/{export_id}; its file is ready when status is done.")
def export_start(request, year: int):
    return 202, _export_out(census_export_start(actor=request.auth, year=_year(year)))


@router.get("/census/exports/{export_id}", response=CensusExportOut, summary="An export's progress",
            description="Your own exports only; anyone else's is answered 404.")
def export_status(request, export_id: int):
    return _export_out(_own_export(request, export_id))


@router.get("/census/exports/{export_id}/file", summary="Download an export's XML file",
            description="Each download is written to the audit trail with every child in the file.")
def export_file(request, export_id: int):
    from lantern.returns.models import CensusExport

    export = CensusExport.objects.get(pk=_own_export(request, export_id).pk)
    response = HttpResponse(census_export_download(actor=request.auth, export=export), content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response


def _validation_out(validation) -> dict:
    by_rule: dict[str, int] = {}
    for issue in validation.issues:
        by_rule[issue["rule"]] = by_rule.get(issue["rule"], 0) + 1
    return {"id": validation.pk, "year": validation.year, "status": "done" if validation.finished_at else "running",
            "children": validation.children, "errors": validation.errors, "queries": validation.queries,
            "finished_at": validation.finished_at, "by_rule": by_rule}


@router.post("/census/{year}/validations", response={202: ValidationOut},
             summary="Check every census rule for the whole authority",
             description="In the background; read the findings at /api/v1/census/{year}/validations/latest.")
def validation_start(request, year: int):
    return 202, _validation_out(census_validation_start(actor=request.auth, year=_year(year)))


@router.get("/census/{year}/validations/latest", response={200: ValidationOut, 404: dict},
            summary="The latest whole-authority check: findings counted by rule",
            description="404 until the rules have been checked for that year.")
def validation_latest(request, year: int):
    from lantern.returns.models import CensusValidation

    require_permission(request.auth, "census.view")
    validation = CensusValidation.objects.filter(year=_year(year).year).first()
    if validation is None:
        return 404, {"detail": "The rules have not been checked for that year"}
    audit_record(actor=request.auth, action=Action.LIST, object_type=CIN_CENSUS, detail=f"api; {year} counts")
    return 200, _validation_out(validation)


@router.get("/children/{child_id}/census-issues", response=page_of(IssueOut),
            summary="The census rules one child's records break",
            description="Errors first, then queries, by rule. year= the collection year (default: the current "
                        "one); rule_id= for one rule (8610, say).")
def child_issues(request, child_id: int, paging: Query[PageQuery], year: Number | None = None,
                 rule_id: Text | None = None):
    require_permission(request.auth, "census.child_issues")
    child, decision = child_for(request.auth, child_id)
    if "episodes" not in sections_for(request.auth):
        raise PermissionDenied("This part of the record is not shared with you")
    collection = _year(year) if year else current_collection_year(timezone.localdate())
    audit_record(actor=request.auth, action=Action.VIEW, object_type=CIN_CENSUS_ISSUES, object_id=child.pk,
                 child_id=child.pk, detail=f"api; {collection.label}; basis: {decision.basis}")
    issues = [i for i in census_issues_for_child(child, collection) if not rule_id or i.rule == rule_id]
    return paged_list(issues, paging, name=f"census-issues-{collection.year}").out(
        lambda i: {"rule": i.rule, "severity": i.severity, "message": i.message, "where": i.where})
