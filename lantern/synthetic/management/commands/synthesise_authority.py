"""manage.py synthesise_authority: fill the database with a fictional authority (synthetic data only)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from lantern.people.models import Person
from lantern.synthetic.generate import generate_authority
from lantern.synthetic.places import AUTHORITY_NAME
from lantern.synthetic.stages import PROFILES, run_journey_stages


class Command(BaseCommand):
    help = (f"Generate the synthetic {AUTHORITY_NAME}: teams, staff, partner agencies and N children with "
            "their families, allocations and involvements. Every name, address and number is invented.")

    def add_arguments(self, parser):
        parser.add_argument("--children", type=int, default=85_000, help="children to generate (default 85000)")
        parser.add_argument("--seed", type=int, default=2013, help="random seed (default 2013)")
        parser.add_argument("--if-empty", action="store_true",
                            help="do nothing if any child record already exists")
        parser.add_argument("--batch-size", type=int, default=5_000, help="rows per bulk insert (default 5000)")
        parser.add_argument("--profile", choices=PROFILES, default="well_run",
                            help="well_run (default), or inspected: late, thin, unplanned work")
        parser.add_argument("--years", type=int, default=3, help="years of casework history (default 3)")

    def handle(self, *args, children, seed, if_empty, batch_size, profile, years, **options):
        if children < 1:
            raise CommandError("--children must be at least 1")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        if if_empty and Person.objects.filter(is_child_record=True).exists():
            self.stdout.write("Child records already exist, so no synthetic authority was generated (--if-empty).")
            return
        self.stdout.write(f"Generating {AUTHORITY_NAME} (synthetic): {children:,} children, seed {seed}")
        tty = self.stdout.isatty()
        shown: dict[str, int] = {}

        def report(stage: str, fraction: float) -> None:
            percent = int(fraction * 100)
            last = shown.get(stage, -1)
            if last == 100 or (percent < 100 and percent < last + (1 if tty else 25)) or (not tty and percent == 0):
                return
            shown[stage] = percent
            if tty:
                self.stdout.write(f"\r  {stage:<14} {percent:3d}%", ending="\n" if percent == 100 else "")
            else:
                self.stdout.write(f"  {stage:<14} {percent:3d}%")
            self.stdout.flush()

        summary = generate_authority(children, seed, batch_size=batch_size, report=report)
        self.stdout.write("")
        self.stdout.write(f"{'Stage':<14} {'Rows':>12} {'Seconds':>9}")
        for stage, rows, seconds in summary.stages:
            self.stdout.write(f"{stage:<14} {rows:>12,} {seconds:>9.1f}")
        self.stdout.write(f"{'Total':<14} {sum(r for _, r, _ in summary.stages):>12,} {summary.seconds:>9.1f}")
        self.stdout.write("")
        self.stdout.write("Rows written: " + ", ".join(f"{name} {count:,}" for name, count in summary.counts.items()))
        self.stdout.write(f"Casework history ({profile}, {years} years):")
        journeys = run_journey_stages(seed=seed, profile=profile, years=years, today=timezone.localdate(),
                                      log=lambda message: (self.stdout.write(message), self.stdout.flush()))
        journey_seconds = sum(seconds for _, _, seconds in journeys)
        for stage, counts, seconds in journeys:
            self.stdout.write(f"  {stage:<14} {sum(counts.values()):>12,} rows {seconds:>7.1f} s")
        self.stdout.write(self.style.SUCCESS(
            f"Done: {children:,} synthetic children in {summary.seconds + journey_seconds:.1f}s"))
