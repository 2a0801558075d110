"""The authority's threshold framework and the authorisation setting."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from lantern.revisions.selectors import earlier_versions
from lantern.service_layer.pages import run_service
from lantern.web.decorators import page

from ..forms.settings import AuthorisationSettingsForm, LevelForm
from ..models import FrontDoorSettings, ThresholdLevel
from ..services import authorisation_settings_save, threshold_level_save


@page(permission="frontdoor.configure", nav_section="frontdoor_settings")
def settings_page(request):
    current = FrontDoorSettings.current()
    form = AuthorisationSettingsForm(request.POST or None, initial={
        "authorisation_required_for": current.authorisation_required_for, "version": current.version})
    if request.method == "POST" and form.is_valid() and run_service(form, lambda: authorisation_settings_save(
            actor=request.user, expected_version=form.cleaned_data["version"],
            outcomes=form.cleaned_data["authorisation_required_for"])):
        messages.success(request, "The authorisation setting was saved")
        return redirect("frontdoor:settings")
    return render(request, "frontdoor/settings.html", {"form": form, "levels": ThresholdLevel.objects.all()})


@page(permission="frontdoor.configure", nav_section="frontdoor_settings")
def level_edit(request, pk: int | None = None):
    level = get_object_or_404(ThresholdLevel, pk=pk) if pk else None
    initial = {"order": ThresholdLevel.objects.count() + 1, "is_active": True}
    if level:
        initial = {name: getattr(level, name) for name in ("name", "order", "descriptor", "examples",
                                                           "allowed_outcomes", "is_active", "version")}
    form = LevelForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        if run_service(form, lambda: threshold_level_save(actor=request.user, data=data, level=level,
                                                          expected_version=form.cleaned_data["version"])):
            messages.success(request, f"The level '{data['name']}' was saved")
            return redirect("frontdoor:settings")
    return render(request, "frontdoor/level_form.html", {
        "form": form, "level": level, "revisions": earlier_versions("threshold_level", level.pk) if level else []})
