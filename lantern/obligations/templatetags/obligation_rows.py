"""The rows of the work lists' tables, built in Python: a team's list runs to hundreds of rows, and
the template language spent a quarter of a millisecond on each (a URL, a date, an ordinal and a
dozen lookups), more than the database took to find them all; the service view's counts, a
link each, cost it more than the counting. The markup is the same GOV.UK table the include around
it opens; every value is escaped by format_html and format_html_join."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from lantern.timescales.explain import ordinal

from ..selectors import STATUS_ORDER
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


STATUS_CELL = '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
HEADER_CELL = '<th scope="row" class="govuk-table__header">{}</th>'


def _count_link(n: int, href: str) -> str:
    return format_html('<a class="govuk-link" href="{}">{}</a>', href, n) if n else "0"


@register.simple_tag
def status_rows(rows: list[dict]):
    """The service view's rows of counts by status, each count a link to the children behind it."""
    return format_html_join("", '<tr class="govuk-table__row">{}{}</tr>', (
        (format_html(HEADER_CELL, row["name"]),
         format_html_join("", STATUS_CELL, ((_count_link(n, href),) for n, href in row["cells"])))
        for row in rows))


TEAM_ROW = ('<tr class="govuk-table__row"><th scope="row" class="govuk-table__header"><a class="govuk-link" '
            'href="?team={}">{}<span class="govuk-visually-hidden">: deadlines by kind</span></a></th>'
            + STATUS_CELL * 4 + '</tr>')


@register.simple_tag
def team_rows(teams: list[dict]):
    """The service view's row for each team: its totals by status, the name opening its detail."""
    return format_html_join("", TEAM_ROW, (
        (team["id"] or "none", team["name"], *(team["totals"][status] for status in STATUS_ORDER)) for team in teams))


BAR = ('<li class="lantern-bars__row"><span class="lantern-bars__label">{}</span> '
       '<span class="lantern-bars__track" aria-hidden="true"><span class="lantern-bars__bar" style="width: {}%">'
       '</span></span> <span class="lantern-bars__value">{}</span></li>')


@register.simple_tag
def overdue_bars(chart: list[dict]):
    """The service view's bar for each team with overdue deadlines (a hundred teams or so)."""
    return format_html_join("", BAR, ((bar["team"], bar["percent"], bar["overdue"]) for bar in chart))
