"""The embedded default: SQLite, debug pages, static files served by Django."""

from .base import *  # noqa: F403

DEBUG = True
