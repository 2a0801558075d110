from django.urls import path, register_converter

from .views import (
    decisions,
    matching,
    notifications,
    oversight,
    queue,
    referral_form,
    referral_people,
    screening,
    settings,
)

app_name = "frontdoor"


class PeopleGroup:
    """The referral form's two "add another" lists."""

    regex = "children|adults"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(PeopleGroup, "frontdoor_people")

urlpatterns = [
    path("front-door/", queue.queue, name="queue"),
    path("front-door/contacts/new/", queue.contact_create, name="contact_create"),
    path("front-door/contacts/<int:pk>/", screening.contact_detail, name="contact_detail"),
    path("front-door/contacts/<int:pk>/people/new/", screening.person_add, name="person_add"),
    path("front-door/contacts/<int:pk>/agency-checks/new/", screening.agency_check_add, name="agency_check_add"),
    path("front-door/contacts/<int:pk>/people/<int:mention_pk>/match/", matching.person_match, name="person_match"),
    path("front-door/contacts/<int:pk>/people/<int:mention_pk>/new-child-record/", matching.child_create,
         name="child_create"),
    path("front-door/contacts/<int:pk>/people/<int:mention_pk>/new-family-member/", matching.adult_create,
         name="adult_create"),
    path("front-door/contacts/<int:pk>/decision/", decisions.decision, name="decision"),
    path("front-door/contacts/<int:pk>/authorise/", decisions.authorise, name="authorise"),
    path("front-door/oversight/", oversight.oversight, name="oversight"),
    path("front-door/thresholds/", oversight.thresholds, name="thresholds"),
    path("front-door/settings/", settings.settings_page, name="settings"),
    path("front-door/settings/levels/new/", settings.level_edit, name="level_create"),
    path("front-door/settings/levels/<int:pk>/", settings.level_edit, name="level_edit"),
    path("front-door/notifications/", notifications.notification_list, name="notifications"),
    path("front-door/notifications/upload/", notifications.notification_upload, name="notification_upload"),
    path("front-door/notifications/uploads/<int:pk>/", notifications.upload_progress, name="upload_progress"),
    path("front-door/notifications/report/", oversight.funnel_report, name="funnel_report"),
    path("front-door/notifications/<int:pk>/", notifications.notification_detail, name="notification_detail"),
    path("refer/", referral_form.referral_start, name="referral_start"),
    path("refer/mine/", referral_form.referral_list, name="referral_list"),
    path("refer/<int:pk>/", referral_form.referral_view, name="referral_view"),
    path("refer/<int:pk>/check/", referral_form.referral_check, name="referral_check"),
    path("refer/<int:pk>/saved/", referral_form.referral_saved, name="referral_saved"),
    path("refer/<int:pk>/confirmation/", referral_form.referral_confirmation, name="referral_confirmation"),
    path("refer/<int:pk>/people/<int:mention_pk>/remove/", referral_people.referral_person_delete,
         name="referral_person_remove"),
    path("refer/<int:pk>/<frontdoor_people:group>/", referral_people.referral_people, name="referral_people"),
    path("refer/<int:pk>/<frontdoor_people:group>/new/", referral_people.referral_person, name="referral_person_new"),
    path("refer/<int:pk>/<frontdoor_people:group>/<int:mention_pk>/", referral_people.referral_person,
         name="referral_person"),
    path("refer/<int:pk>/<slug:slug>/", referral_form.referral_step, name="referral_step"),
]
