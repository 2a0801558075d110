"""Production: PostgreSQL through DATABASE_URL, a real secret, secure cookies."""

import os

from .base import *  # noqa: F403

SECRET_KEY = os.environ["LANTERN_SECRET_KEY"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_CONTENT_TYPE_NOSNIFF = True
