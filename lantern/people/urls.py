from django.urls import path

from .views import children, family

app_name = "people"

urlpatterns = [
    path("", children.search, name="search"),
    path("new/", children.child_create_page, name="child_create"),
    path("<int:pk>/", children.child_detail, name="child_detail"),
    path("<int:pk>/edit/", children.child_edit, name="child_edit"),
    path("<int:pk>/family/new/", family.family_member_create, name="family_member_create"),
    path("<int:pk>/family/link/", family.relationship_create, name="relationship_create"),
    path("<int:pk>/addresses/new/", family.address_create, name="address_create"),
    path("<int:pk>/allocation/new/", family.allocation_create, name="allocation_create"),
    path("<int:pk>/professionals/new/", family.involvement_create, name="involvement_create"),
]
