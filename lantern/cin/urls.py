from django.urls import path

from .views import closures, overview, plans

app_name = "cin"

urlpatterns = [
    path("children/<int:pk>/assessments/<int:assessment_id>/plan/new/", plans.plan_create, name="plan_create"),
    path("children/<int:pk>/plans/<int:plan_id>/", plans.plan_detail, name="plan_detail"),
    path("children/<int:pk>/plans/<int:plan_id>/actions/new/", plans.action_create, name="action_create"),
    path("children/<int:pk>/plans/<int:plan_id>/reviews/new/", plans.review_create, name="review_create"),
    path("children/<int:pk>/plans/<int:plan_id>/end/", plans.plan_end, name="plan_end"),
    path("children/<int:pk>/episodes/<int:episode_id>/closure/new/", closures.closure_create, name="closure_create"),
    path("children/<int:pk>/closures/<int:closure_id>/", closures.closure_detail, name="closure_detail"),
    path("children/<int:pk>/closures/<int:closure_id>/decision/", closures.closure_decide_page,
         name="closure_decide"),
    path("step-downs/", closures.step_down_list, name="step_down_list"),
    path("step-downs/<int:closure_id>/", closures.step_down_respond_page, name="step_down_respond"),
    path("children-in-need/", overview.overview, name="overview"),
]
