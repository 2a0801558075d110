"""The CIN census page: choose a year; start an export or a whole-authority check; see your exports
and the latest check's findings grouped by rule."""

from collections import Counter, defaultdict

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone

from lantern.access.policy import has_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.returns.audit_types import CIN_CENSUS
from lantern.web.decorators import page

from ..forms import YearForm
from ..rules import rules_for
from ..services import census_export_start, census_validation_start
from ..years import CollectionYear, current_collection_year


def chosen_year(request) -> CollectionYear:
    form = YearForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return CollectionYear(form.cleaned_data["year"])
    return current_collection_year(timezone.localdate())


def rule_counts(validation, year: CollectionYear) -> list[dict]:
    findings: Counter[str] = Counter()
    children: defaultdict[str, set[str]] = defaultdict(set)
    for issue in validation.issues:
        findings[issue["rule"]] += 1
        if issue["la_child_id"]:
            children[issue["rule"]].add(issue["la_child_id"])
    rules = {r.id: r for r in rules_for(year.year)}
    rows = [{"rule": rules[rid], "findings": n, "children": len(children[rid])}
            for rid, n in findings.items() if rid in rules]
    return sorted(rows, key=lambda row: (row["rule"].is_query, -row["findings"], row["rule"].id))


@page(permission="census.view", nav_section="census")
def census(request):
    from lantern.returns.models import CensusExport, CensusValidation

    year = chosen_year(request)
    if request.method == "POST":
        return _start(request)
    validation = CensusValidation.objects.filter(year=year.year).first()
    exports = CensusExport.objects.filter(year=year.year, created_by=request.user).defer("xml")[:10]
    audit_record(actor=request.user, action=Action.LIST, object_type=CIN_CENSUS,
                 detail=f"CIN census {year.label} page (counts only)")
    return render(request, "returns/census/census.html", {
        "year": year, "form": YearForm(initial={"year": year.year}), "exports": exports, "validation": validation,
        "rows": rule_counts(validation, year) if validation and validation.finished_at else [],
        "can_export": has_permission(request.user, "census.export"),
        "can_validate": has_permission(request.user, "census.validate"),
        "can_import": has_permission(request.user, "census.import")})


def _start(request):
    form = YearForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied("Choose a collection year from the list")
    year = CollectionYear(form.cleaned_data["year"])
    if request.POST.get("action") == "export":
        export = census_export_start(actor=request.user, year=year)
        return redirect("returns:census_export", pk=export.pk)
    if request.POST.get("action") == "validate":
        census_validation_start(actor=request.user, year=year)
        return redirect(f"{request.path}?year={year.year}#findings")
    raise PermissionDenied("Unknown action")
