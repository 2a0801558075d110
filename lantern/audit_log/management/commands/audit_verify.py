"""Walk the audit trail's hash chain and check it against the anchors written outside the database."""

from django.core.management.base import BaseCommand, CommandError

from lantern.audit_log.integrity import verify_trail


class Command(BaseCommand):
    help = "Check that the audit trail is whole: every row unchanged, none removed, none cut from the end."

    def add_arguments(self, parser):
        parser.add_argument("--anchor-file", help="The anchor file (default: the LANTERN_AUDIT_ANCHOR_FILE setting)")
        parser.add_argument("--no-seal", action="store_true",
                            help="Check without first sealing rows that are waiting (read-only)")

    def handle(self, *args, anchor_file=None, no_seal=False, **options):
        result = verify_trail(anchor_file=anchor_file, seal_first=not no_seal)
        self.stdout.write(f"Checked {result.checked:,} rows of the chain (head: row {result.head_seq:,}); "
                          f"{result.unsealed:,} waiting to be sealed; {result.anchors:,} anchors read.")
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(problem)
            raise CommandError("The audit trail is NOT whole.")
        self.stdout.write(self.style.SUCCESS("The audit trail is whole."))
