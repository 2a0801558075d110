from django.urls import path

from .views import assessment, sections

app_name = "assessments"

urlpatterns = [
    path("children/<int:pk>/episodes/<int:episode_id>/assessments/new/", assessment.assessment_start_page,
         name="assessment_start"),
    path("children/<int:pk>/assessments/<int:assessment_id>/", assessment.assessment_detail, name="assessment_detail"),
    path("children/<int:pk>/assessments/<int:assessment_id>/submit/", assessment.assessment_submit_page,
         name="assessment_submit"),
    path("children/<int:pk>/assessments/<int:assessment_id>/authorise/", assessment.assessment_authorise_page,
         name="assessment_authorise"),
    path("children/<int:pk>/assessments/<int:assessment_id>/<slug:section>/", sections.assessment_section,
         name="assessment_section"),
]
