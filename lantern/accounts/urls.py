from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("teams/", views.teams, name="teams"),
    path("teams/<int:pk>/", views.team_detail, name="team_detail"),
    path("agencies/", views.agencies, name="agencies"),
    path("api-tokens/", views.api_tokens, name="api_tokens"),
]
