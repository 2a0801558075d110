"""Sign-in with a brake on guessing: at most 10 failed attempts per username in 5 minutes
(Cyber Essentials' throttling rule). Counts live in the cache, so production needs a shared cache."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache

MAX_FAILURES = 10
WINDOW_SECONDS = 5 * 60


def _key(username: str) -> str:
    return f"sign-in-failures:{username.strip().lower()}"


class ThrottledAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "throttled": "Too many failed attempts. Wait 5 minutes, then try again, or ask your administrator.",
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if cache.get(_key(username), 0) >= MAX_FAILURES:
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            return super().clean()
        except forms.ValidationError:
            try:
                cache.incr(_key(username))
            except ValueError:
                cache.set(_key(username), 1, WINDOW_SECONDS)
            raise
