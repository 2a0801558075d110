"""The census panel on a child's summary: every census rule the child's records break for the
collection year being recorded now, so a worker sees "this record will fail census rule 8615" the
day the data is entered, not at year end."""

from lantern.access.policy import has_permission
from lantern.people.panels import Panel

from .services import census_issues_for_child
from .years import current_collection_year


def census_panel_context(*, request, child, today) -> dict:
    year = current_collection_year(today)
    if not has_permission(request.user, "census.child_issues"):
        return {"hidden": True}
    issues = census_issues_for_child(child, year)
    return {"year": year, "errors": [i for i in issues if i.severity == "error"],
            "queries": [i for i in issues if i.severity == "query"]}


CENSUS_PANEL = Panel(key="cin_census", title="Children in need census", template="returns/census/child_panel.html",
                     context=census_panel_context, section="episodes", order=15)
