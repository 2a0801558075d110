from django.urls import path

from . import views

urlpatterns = [
    path("returns/annex-a/", views.annex_a, name="annex_a"),
    path("returns/annex-a/exports/<int:pk>/", views.annex_a_export, name="annex_a_export"),
    path("returns/annex-a/exports/<int:pk>/file/", views.annex_a_export_file, name="annex_a_export_file"),
]
