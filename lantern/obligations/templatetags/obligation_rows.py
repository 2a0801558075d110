"""The rows of the work lists' tables, built in Python: a team's list runs to hundreds of rows, and
the template language spent a quarter of a millisecond on each (a URL, a date, an ordinal and a
dozen lookups), more than the database took to find them all; the service view's counts, a
link each, cost it more than the counting. Django's format_html then cost as much again, escaping
each of a row's ten values through its lazy-string checks, so the rows are joined as plain text:
every value that is text is escaped with ``html.escape`` (the same five characters Django escapes),
and only numbers and URLs built here from numbers go in unescaped. The markup is the same GOV.UK
table the include around it opens."""

from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from lantern.timescales.explain import ordinal

from ..selectors import STATUS_ORDER
from ..status import ObligationView

register = template.Library()

SAMPLE_ID = 987654321


def _url_for(name: str):
    """A child's page's URL for any id: reversed once per table, not once per row."""
    before, after = reverse(name, args=[SAMPLE_ID]).split(str(SAMPLE_ID))
    return lambda pk: f"{before}{pk}{after}"


@register.simple_tag
def allocation_links(children) -> SafeString:
    """A team's children without a worker (up to two hundred), each linking to allocate them."""
    url = _url_for("people:allocation_create")
    return mark_safe("".join(  # noqa: S308 - names escaped, links built from ids
        f'<li><a class="govuk-link" href="{url(c.pk)}">{escape(c.full_name)} ({escape(c.lantern_id)})</a></li>'
        for c in children))


def _row(view: ObligationView, child_url) -> str:
    o = view.obligation
    child, due = o.child, o.due_date
    occurrence = f" ({ordinal(o.occurrence)})" if o.occurrence > 1 else ""
    return ('<tr class="govuk-table__row">'
            f'<td class="govuk-table__cell"><a class="govuk-link" href="{child_url(o.child_id)}">'
            f'{escape(child.full_name)}</a><br><span class="govuk-body-s">{escape(child.lantern_id)}</span></td>'
            f'<td class="govuk-table__cell"><a class="govuk-link" href="{escape(o.link or "#")}">'
            f'{escape(view.name)}</a>{occurrence}</td>'
            f'<td class="govuk-table__cell lantern-nowrap">{due:%a} {due.day} {due:%b %Y}</td>'
            f'<td class="govuk-table__cell"><strong class="govuk-tag {view.tag_class}">{escape(view.label)}</strong>'
            f'<br><span class="govuk-body-s">{escape(view.summary)}</span></td></tr>')


@register.simple_tag
def obligation_rows(rows: list[ObligationView]) -> SafeString:
    child_url = _url_for("people:child_detail")
    return mark_safe("".join(_row(view, child_url) for view in rows))  # noqa: S308 - every text value escaped


def _count_cell(n: int, href: str) -> str:
    count = f'<a class="govuk-link" href="{escape(href)}">{n}</a>' if n else "0"
    return f'<td class="govuk-table__cell govuk-table__cell--numeric">{count}</td>'


@register.simple_tag
def status_rows(rows: list[dict]) -> SafeString:
    """The service view's rows of counts by status, each count a link to the children behind it."""
    return mark_safe("".join(  # noqa: S308 - names and links escaped, counts are numbers
        f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{escape(row["name"])}</th>'
        + "".join(_count_cell(n, href) for n, href in row["cells"]) + "</tr>" for row in rows))


@register.simple_tag
def team_rows(teams: list[dict]) -> SafeString:
    """The service view's row for each team: its totals by status, the name opening its detail."""
    return mark_safe("".join(  # noqa: S308 - names escaped, ids and counts are numbers
        f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header"><a class="govuk-link" '
        f'href="?team={team["id"] or "none"}">{escape(team["name"])}<span class="govuk-visually-hidden">: deadlines '
        'by kind</span></a></th>'
        + "".join(f'<td class="govuk-table__cell govuk-table__cell--numeric">{int(team["totals"][status])}</td>'
                  for status in STATUS_ORDER) + "</tr>" for team in teams))


@register.simple_tag
def overdue_bars(chart: list[dict]) -> SafeString:
    """The service view's bar for each team with overdue deadlines (a hundred teams or so)."""
    return mark_safe("".join(  # noqa: S308 - names escaped, widths and counts are numbers
        f'<li class="lantern-bars__row"><span class="lantern-bars__label">{escape(bar["team"])}</span> '
        '<span class="lantern-bars__track" aria-hidden="true"><span class="lantern-bars__bar" '
        f'style="width: {int(bar["percent"])}%"></span></span> <span class="lantern-bars__value">{int(bar["overdue"])}'
        '</span></li>' for bar in chart))
