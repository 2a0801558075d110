from django.urls import path

from .views import compendium, pdfs

urlpatterns = [
    path("partnership/", compendium.partnership, name="partnership"),
    path("partnership/pdfs/<int:pk>/", pdfs.partnership_pdf, name="partnership_pdf"),
    path("partnership/pdfs/<int:pk>/file/", pdfs.partnership_pdf_file, name="partnership_pdf_file"),
]
