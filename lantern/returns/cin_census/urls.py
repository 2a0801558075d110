from django.urls import path

from .views import census, exports, imports, validation

urlpatterns = [
    path("returns/cin-census/", census.census, name="census"),
    path("returns/cin-census/exports/<int:pk>/", exports.census_export, name="census_export"),
    path("returns/cin-census/exports/<int:pk>/file/", exports.census_export_file, name="census_export_file"),
    path("returns/cin-census/<int:year>/rules/<str:rule_id>/", validation.census_rule_children,
         name="census_rule_children"),
    path("returns/cin-census/import/", imports.census_import, name="census_import"),
    path("returns/cin-census/imports/<int:pk>/", imports.census_import_detail, name="census_import_detail"),
]
