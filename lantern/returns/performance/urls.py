from django.urls import path

from . import views

urlpatterns = [
    path("performance/", views.dashboard_page, name="performance"),
    path("performance/<slug:measure>/children/", views.children_page, name="performance_children"),
]
