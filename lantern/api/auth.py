"""Bearer-token authentication for the API: the token names a person, whose role and access
policy then apply exactly as on the pages."""

from django.utils import timezone
from ninja.security import HttpBearer

from lantern.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        found = ApiToken.objects.select_related("user", "user__team").filter(
            key_hash=ApiToken.hash_key(token), revoked_at__isnull=True, user__is_active=True
        ).first()
        if found is None:
            return None
        # Stamp last use at most once a minute: a busy integration should not write on every call.
        now = timezone.now()
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user
