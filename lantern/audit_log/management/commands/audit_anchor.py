"""Append the audit trail's chain head to the anchor file (run it from cron or a timer as well)."""

from django.core.management.base import BaseCommand

from lantern.audit_log.integrity import write_anchor


class Command(BaseCommand):
    help = "Seal waiting audit rows and append the chain head to the anchor file outside the database."

    def add_arguments(self, parser):
        parser.add_argument("--anchor-file", help="The anchor file (default: the LANTERN_AUDIT_ANCHOR_FILE setting)")

    def handle(self, *args, anchor_file=None, **options):
        anchor = write_anchor(anchor_file)
        self.stdout.write(f"Anchored row {anchor['seq']:,} of the chain ({anchor['chain_hash'][:16]}…).")
