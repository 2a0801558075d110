"""The children behind one rule's findings in the latest whole-authority check, cut to the children
the reader may see (the rest are counted, not named)."""

from django.http import Http404
from django.shortcuts import render

from lantern.access.policy import visible_children
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.returns.audit_types import CIN_CENSUS_FINDINGS
from lantern.web.decorators import page

from ..rules import rules_for
from ..years import SUPPORTED_YEARS, CollectionYear

SHOWN = 500


@page(permission="census.view", nav_section="census")
def census_rule_children(request, year: int, rule_id: str):
    from lantern.returns.models import CensusValidation

    if year not in SUPPORTED_YEARS:
        raise Http404("Lantern has no census for that year")
    collection = CollectionYear(year)
    rule = next((r for r in rules_for(year) if r.id == rule_id), None)
    validation = CensusValidation.objects.filter(year=year, finished_at__isnull=False).first()
    if rule is None or validation is None:
        raise Http404("No findings for that rule")
    findings = [i for i in validation.issues if i["rule"] == rule_id]
    ids = {i["child"] for i in findings if i["child"]}
    visible = set(visible_children(request.user).filter(pk__in=ids).values_list("pk", flat=True))
    shown = [i for i in findings if i["child"] in visible]
    audit_record(actor=request.user, action=Action.LIST, object_type=CIN_CENSUS_FINDINGS, object_id=rule_id,
                 children=[i["child"] for i in shown[:SHOWN]],
                 detail=f"CIN census {collection.label} rule {rule_id}: {len(shown)} findings shown")
    return render(request, "returns/census/rule_children.html", {
        "year": collection, "rule": rule, "validation": validation, "findings": shown[:SHOWN],
        "more": max(0, len(shown) - SHOWN), "hidden": len(findings) - len(shown), "total": len(findings)})
