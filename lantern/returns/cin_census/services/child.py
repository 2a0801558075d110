"""One child's census findings for a collection year, from the child's own extract: what the worker
sees on the child's summary the day the data is entered ("this will fail census rule 8615")."""

from collections import Counter

from django.db.models import Count

from lantern.people.models import Person

from ..extract import episodes_in_year, extract_return
from ..validate import Issue, validate_child
from ..years import CollectionYear


def census_issues_for_child(child: Person, year: CollectionYear) -> list[Issue]:
    """Empty when the child is not in that year's census or breaks no rule. The caller has already
    decided that the reader may see this child. A fixed number of queries."""
    census = extract_return(year, child_ids=[child.pk])
    if not census.children:
        return []
    record = census.children[0]
    upns: Counter[str] = Counter()
    if record.upn:
        # 1520 looks across the return: is this UPN used by another child in the same census?
        upns[record.upn] = Person.objects.filter(upn=record.upn, pk__in=episodes_in_year(year).values(
            "child_id")).exclude(pk=child.pk).aggregate(n=Count("id"))["n"]
    issues = validate_child(record, year, known_upns=upns)
    return sorted(issues, key=lambda i: (i.severity != "error", int(i.rule.rstrip("Q")), i.where))
