"""The rows of a work list's table, built in Python: a team's list runs to hundreds of rows, and
the template language spent a quarter of a millisecond on each (a URL, a date, an ordinal and a
dozen lookups), more than the database took to find them all. The markup is the same GOV.UK table
the include around it opens; every value is escaped by format_html_join."""

from django import template
from django.urls import reverse
from django.utils.html import format_html_join

from lantern.timescales.explain import ordinal

from ..status import ObligationView

register = template.Library()

ROW = ('<tr class="govuk-table__row">'
       '<td class="govuk-table__cell"><a class="govuk-link" href="{}">{}</a><br>'
       '<span class="govuk-body-s">{}</span></td>'
       '<td class="govuk-table__cell"><a class="govuk-link" href="{}">{}</a>{}</td>'
       '<td class="govuk-table__cell lantern-nowrap">{}</td>'
       '<td class="govuk-table__cell"><strong class="govuk-tag {}">{}</strong><br>'
       '<span class="govuk-body-s">{}</span></td></tr>')


SAMPLE_ID = 987654321


def _child_url():
    """The child page's URL for any id: reversed once per table, not once per row."""
    before, after = reverse("people:child_detail", args=[SAMPLE_ID]).split(str(SAMPLE_ID))
    return lambda pk: f"{before}{pk}{after}"


def _cells(view: ObligationView, child_url) -> tuple:
    o = view.obligation
    child, due = o.child, o.due_date
    return (child_url(o.child_id), child.full_name, child.lantern_id, o.link or "#", view.name,
            f" ({ordinal(o.occurrence)})" if o.occurrence > 1 else "", f"{due:%a} {due.day} {due:%b %Y}",
            view.tag_class, view.label, view.summary)


@register.simple_tag
def obligation_rows(rows: list[ObligationView]):
    child_url = _child_url()
    return format_html_join("", ROW, (_cells(view, child_url) for view in rows))
