from django.contrib.auth import views as auth_views
from django.urls import include, path

from lantern.accounts.forms import ThrottledAuthenticationForm
from lantern.api.urls import api
from lantern.parts import part_names
from lantern.web import views as web_views

urlpatterns = [
    path("", web_views.home, name="home"),
    path("healthz", web_views.healthz, name="healthz"),
    path("sign-in/", auth_views.LoginView.as_view(redirect_authenticated_user=True,
                                                  authentication_form=ThrottledAuthenticationForm), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("children/", include("lantern.people.urls")),
    path("", include("lantern.access.urls")),
    path("", include("lantern.accounts.urls")),
    path("", include("lantern.obligations.urls")),
    path("", include("lantern.tasks.urls")),
    # Each part's pages, in journey order (lantern/parts.py).
    *(path("", include(f"lantern.{part}.urls")) for part in part_names()),
    path("api/v1/", api.urls),
]

handler403 = "lantern.web.views.permission_denied"
handler404 = "lantern.web.views.not_found"
handler500 = "lantern.web.views.server_error"
