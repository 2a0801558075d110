"""Tests: fast password hashing; the database comes from DATABASE_URL like everywhere else."""

import tempfile

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DEBUG = False
LANTERN_TASKS_INLINE = True
# Tests keep their data in a transaction that other connections cannot see, so the dashboard's
# sources are counted in turn here; the test of the threads commits its data and turns them on.
PERFORMANCE_FIGURE_WORKERS = 0
# Tests anchor the audit trail themselves, into their own files.
LANTERN_AUDIT_ANCHOR_MINUTES = 0
LANTERN_UPLOAD_DIR = f"{tempfile.gettempdir()}/lantern-test-uploads"
