from django.urls import path

from . import views

app_name = "obligations"

urlpatterns = [
    path("work/", views.my_work_page, name="my_work"),
    path("work/team/", views.team_work_page, name="team_work"),
    path("work/service/", views.service_work_page, name="service_work"),
    path("work/service/children/", views.service_drill_down, name="service_drill_down"),
    path("settings/timescales/", views.settings_page, name="settings"),
    path("settings/timescales/<str:key>/", views.policy_change, name="policy_change"),
]
