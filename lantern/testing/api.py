"""Calling the API in tests as a given person: a bearer token made for them once, then reused."""

from lantern.accounts.models import ApiToken


def bearer(user) -> dict:
    """Headers for Django's test client that authenticate as ``user``."""
    key = f"test-bearer-{user.pk}"
    if not ApiToken.objects.filter(key_hash=ApiToken.hash_key(key)).exists():
        ApiToken.objects.create(user=user, name="tests", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}
