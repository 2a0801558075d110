from django.urls import path

from . import views

app_name = "access"

urlpatterns = [
    path("children/<int:pk>/access-log/", views.child_access_log, name="child_access_log"),
    path("children/<int:pk>/restriction/", views.child_restriction, name="child_restriction"),
    path("children/<int:pk>/break-glass/", views.break_glass, name="break_glass"),
    path("children/<int:pk>/break-glass/changes/", views.break_glass_write, name="break_glass_write"),
    path("break-glass/notices/read/", views.notices_mark_read, name="notices_read"),
    path("break-glass/", views.break_glass_review_list, name="break_glass_review"),
    path("break-glass/<int:access_pk>/", views.break_glass_review_one, name="break_glass_review_one"),
]
