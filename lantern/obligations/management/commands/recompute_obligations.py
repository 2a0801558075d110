"""Recompute every stored due date for the authority, after a calendar or local-policy change."""

import time

from django.core.management.base import BaseCommand

from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.obligations.engine import recompute_all


class Command(BaseCommand):
    help = "Recompute every obligation's due date from the current calendar and local policy"

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=5000)

    def handle(self, *args, batch_size: int, **options):
        started = time.perf_counter()

        def progress(source_key: str, done: int, total: int) -> None:
            self.stdout.write(f"\r{source_key}: {done:,} of {total:,} records ({100 * done // max(total, 1)}%)",
                              ending="")
            self.stdout.flush()

        written = recompute_all(batch_size=batch_size, progress=progress)
        audit_record(actor=None, action=Action.UPDATE, object_type="obligations",
                     detail=f"recompute_obligations: {sum(written.values())} rows changed")
        self.stdout.write("")
        for key, count in written.items():
            self.stdout.write(f"{key}: {count:,} rows changed")
        self.stdout.write(self.style.SUCCESS(f"Recomputed in {time.perf_counter() - started:.1f} s"))
