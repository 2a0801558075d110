"""The dashboard page and the drill-down pages: thin, over the same services as the API."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from lantern.web.decorators import page

from .periods import period_choices
from .presenting import cards_for_page
from .services import CHILDREN, PARTS, VIEW, choose_period, dashboard, measure_by_slug, measure_children


def _errors(exc: ValidationError) -> list[dict]:
    return [{"text": message, "href": f"#{name}"} for name, messages in exc.message_dict.items()
            for message in messages]


@page(permission=VIEW, nav_section="performance")
def dashboard_page(request):
    today = timezone.localdate()
    errors, status = [], 200
    try:
        period = choose_period(request.GET.get("period"), today)
    except ValidationError as exc:
        errors, status = _errors(exc), 400
        period = choose_period(None, today)
    board = dashboard(actor=request.user, period=period, today=today)
    return render(request, "returns/performance/dashboard.html", {
        "board": board, "groups": cards_for_page(board), "choices": period_choices(today), "errors": errors,
        "today": today}, status=status)


@page(permission=CHILDREN, nav_section="performance")
def children_page(request, measure: str):
    today = timezone.localdate()
    try:
        chosen = measure_by_slug(measure)
    except LookupError as exc:
        raise Http404(str(exc)) from exc
    try:
        period = choose_period(request.GET.get("period"), today)
        listing = measure_children(actor=request.user, measure=chosen, period=period, today=today,
                                   part=request.GET.get("part") or "all", group=request.GET.get("group", ""),
                                   page=request.GET.get("page"))
    except ValidationError as exc:
        return render(request, "returns/performance/children_error.html",
                      {"measure": chosen, "errors": _errors(exc)}, status=400)
    return render(request, "returns/performance/children.html", {"listing": listing, "parts": PARTS})
