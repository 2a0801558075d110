"""Check the daily counts the database keeps for the dashboard against a count from scratch, and
recount them if asked (after restoring data loaded with triggers switched off, say)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.returns.audit_types import DAILY_COUNTS
from lantern.returns.performance import daily_counts


class Command(BaseCommand):
    help = "Check the dashboard's daily counts against the records; --rebuild recounts them"

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="recount every source from its records")

    def handle(self, *args, rebuild: bool, **options):
        if rebuild:
            with atomic():
                daily_counts.rebuild(connection)
                audit_record(actor=None, action=Action.UPDATE, object_type=DAILY_COUNTS,
                             detail="daily_counts --rebuild: every source recounted")
            self.stdout.write(self.style.SUCCESS("Every source recounted"))
        found = daily_counts.drift(connection)
        for source, differences in found.items():
            for key, day, kept, counted in differences[:20]:
                self.stdout.write(f"{source} {key or '-'} {day}: kept {kept}, counted {counted}")
        if found:
            raise CommandError(f"Daily counts differ from the records in {sum(map(len, found.values()))} places")
        self.stdout.write(self.style.SUCCESS("Daily counts agree with the records"))
