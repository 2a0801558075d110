from django.urls import path

from . import views

app_name = "tasks"
urlpatterns = [
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("tasks/<int:pk>/retry/", views.task_retry_page, name="task_retry"),
]
