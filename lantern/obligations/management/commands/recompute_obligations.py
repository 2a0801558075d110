"""Recompute every stored due date for the authority, after a calendar or local-policy change.

By default only due dates are recomputed, from the inputs stored on each obligation. --rebuild
rebuilds every obligation from the records that start it (after a change to how a kind of record
produces obligations)."""

import time

from django.core.management.base import BaseCommand

from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.obligations.audit_types import OBLIGATIONS
from lantern.obligations.engine import recompute_all
from lantern.obligations.recompute import recompute_due_dates


class Command(BaseCommand):
    help = "Recompute every obligation's due date from the current calendar and local policy"

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="rebuild obligations from their source records")
        parser.add_argument("--batch-size", type=int, default=5000)

    def handle(self, *args, rebuild: bool, batch_size: int, **options):
        started = time.perf_counter()

        def progress(label: str, done: int, total: int) -> None:
            self.stdout.write(f"\r{label}: {done:,} of {total:,} ({100 * done // max(total, 1)}%)", ending="")
            self.stdout.flush()

        if rebuild:
            written = recompute_all(batch_size=batch_size, progress=progress)
            changed = sum(written.values())
        else:
            _, changed = recompute_due_dates(progress=lambda done, total: progress("obligations", done, total))
        audit_record(actor=None, action=Action.UPDATE, object_type=OBLIGATIONS,
                     detail=f"recompute_obligations{' --rebuild' if rebuild else ''}: {changed} rows changed")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"{changed:,} rows changed in {time.perf_counter() - started:.1f} s"))
