"""Tests: fast password hashing; the database comes from DATABASE_URL like everywhere else."""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DEBUG = False
LANTERN_TASKS_INLINE = True
