"""The authority's threshold levels and which decisions need a manager's authorisation."""

from django.shortcuts import get_object_or_404
from ninja import Query

from lantern.access.policy import require_permission
from lantern.api.paging import PageQuery, page_of, paged_query
from lantern.revisions.schemas import revisions_out
from lantern.revisions.selectors import earlier_versions, earlier_versions_of

from .. import schemas as s
from ..models import FrontDoorSettings, ThresholdLevel
from ..services import authorisation_settings_save, threshold_level_save
from .router import router


def _threshold_out(t: ThresholdLevel, kept) -> s.ThresholdOut:
    return s.ThresholdOut(id=t.pk, name=t.name, order=t.order, descriptor=t.descriptor, examples=t.example_list,
                          allowed_outcomes=t.allowed_outcomes, version=t.version, earlier_versions=revisions_out(kept))


def _level_data(payload: s.ThresholdFieldsIn) -> dict:
    return {**payload.dict(exclude={"version", "examples"}), "examples": "\n".join(payload.examples)}


@router.get("/frontdoor/thresholds", response=page_of(s.ThresholdOut), summary="The authority's threshold levels",
            description="The levels in use, in their order, each with the decisions it allows and its earlier "
                        "words.")
def thresholds(request, paging: Query[PageQuery]):
    require_permission(request.auth, "frontdoor.thresholds")
    page = paged_query(ThresholdLevel.objects.filter(is_active=True), paging, order=("order", "pk"))
    kept = earlier_versions_of("threshold_level", [t.pk for t in page.items])
    return page.out(lambda t: _threshold_out(t, kept.get(t.pk, [])))


@router.post("/frontdoor/thresholds", response={201: s.ThresholdOut}, summary="Add a threshold level",
             description="For those who configure the front door.")
def threshold_create(request, payload: s.ThresholdFieldsIn):
    level = threshold_level_save(actor=request.auth, data=_level_data(payload))
    return 201, _threshold_out(level, [])


@router.put("/frontdoor/thresholds/{threshold_id}", response=s.ThresholdOut, summary="Change a threshold level",
            description="The words it replaces are kept as an earlier version; 409 if someone saved since the "
                        "version you read.")
def threshold_change(request, threshold_id: int, payload: s.ThresholdIn):
    level = get_object_or_404(ThresholdLevel, pk=threshold_id)
    saved = threshold_level_save(actor=request.auth, data=_level_data(payload), level=level,
                                 expected_version=payload.version)
    saved.refresh_from_db()
    return _threshold_out(saved, earlier_versions("threshold_level", saved.pk))


def _settings_out(current: FrontDoorSettings) -> s.FrontDoorSettingsOut:
    return s.FrontDoorSettingsOut(authorisation_required_for=current.authorisation_required_for,
                                  version=current.version, changed_by_id=current.changed_by_id,
                                  changed_at=current.changed_at)


@router.get("/frontdoor/settings", response=s.FrontDoorSettingsOut,
            summary="Which decisions wait for a manager's authorisation", description="For those who configure "
                                                                                       "the front door.")
def settings_detail(request):
    require_permission(request.auth, "frontdoor.configure")
    return _settings_out(FrontDoorSettings.current())


@router.put("/frontdoor/settings", response=s.FrontDoorSettingsOut,
            summary="Choose which decisions wait for a manager's authorisation",
            description="Send the version you read (409 if stale).")
def settings_change(request, payload: s.FrontDoorSettingsIn):
    return _settings_out(authorisation_settings_save(actor=request.auth, expected_version=payload.version,
                                                     outcomes=payload.authorisation_required_for))
