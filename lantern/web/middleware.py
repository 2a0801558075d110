"""Request-wide behaviour: sign-in required, nothing sensitive cached, audit origin recorded."""

from django.contrib.auth.views import redirect_to_login

from lantern.audit_log.context import Origin, client_ip, reset_origin, set_origin
from lantern.audit_log.integrity import anchor_if_due
from lantern.audit_log.refusals import forget_refusals, keep_refusals

PUBLIC_PREFIXES = ("/sign-in/", "/static/", "/api/", "/healthz")


class LoginRequiredMiddleware:
    """Deny by default: every page needs a signed-in person except sign-in itself. The API
    authenticates with tokens instead."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.user.is_authenticated and not request.path.startswith(PUBLIC_PREFIXES):
            return redirect_to_login(request.get_full_path())
        via = "api" if request.path.startswith("/api/") else "web"
        token = set_origin(Origin(ip_address=client_ip(request.META), via=via))
        forget_refusals()
        try:
            return self.get_response(request)
        finally:
            # Whatever the view rolled back, its refusals are written again now (refusals.py).
            keep_refusals()
            reset_origin(token)
            anchor_if_due()

    def process_exception(self, request, exception):
        """A refusal that carries its own page (a restricted record, a restricted contact) shows
        it wherever in the view it was raised; the API answers such refusals itself."""
        if hasattr(exception, "response_for") and not request.path.startswith("/api/"):
            return exception.response_for(request)
        return None


class NoStoreMiddleware:
    """Children's records must not linger in browser or proxy caches (ASVS 14.3)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/static/"):
            response["Cache-Control"] = "no-store"
        return response
