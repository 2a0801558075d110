from django.urls import path

from . import views

app_name = "chronology"

urlpatterns = [
    path("children/<int:pk>/chronology/", views.chronology, name="chronology"),
    path("children/<int:pk>/chronology/print/", views.chronology_print, name="print"),
    path("children/<int:pk>/chronology/significance/", views.significance, name="significance"),
]
