"""The API tokens page with hand-made form values: refused or cleaned, never a 500."""

import pytest

from lantern.accounts.models import ApiToken


@pytest.fixture
def signed_in(client, social_worker):
    client.force_login(social_worker)
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("revoke", ["abc", "\u0000"])
def test_revoking_a_token_that_is_not_a_number_is_not_found(signed_in, revoke):
    """Found by probing the pages' forms: the lookup failed with a 500."""
    assert signed_in.post("/api-tokens/", {"revoke": revoke}).status_code == 404


def test_a_token_name_with_a_nul_character_is_kept_without_it(signed_in):
    """PostgreSQL refused to store the NUL character: a 500."""
    assert signed_in.post("/api-tokens/", {"name": "Case\u0000 system"}).status_code == 200
    assert ApiToken.objects.get().name == "Case system"
