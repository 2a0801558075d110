"""manage.py demo_users: one demo sign-in per role, with a shared password, printed as a table."""

from django.core.management.base import BaseCommand

from lantern.synthetic.demo import DEMO_PASSWORD, ensure_demo_users


class Command(BaseCommand):
    help = "Create or update one demo sign-in per role (synthetic data only) and print them."

    def handle(self, *args, **options):
        logins = ensure_demo_users()
        headings = ("Role", "Username", "Password", "Team or agency")
        rows = [(login.role, login.username, login.password, login.placed_in) for login in logins]
        widths = [max(len(str(row[i])) for row in [headings, *rows]) for i in range(len(headings))]

        def line(cells) -> str:
            return "  ".join(str(cell).ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Demo sign-ins (synthetic data only)"))
        self.stdout.write("")
        self.stdout.write(line(headings))
        self.stdout.write(line("-" * width for width in widths))
        for row in rows:
            self.stdout.write(line(row))
        self.stdout.write("")
        self.stdout.write(f"Every demo account uses the password {DEMO_PASSWORD}. Every child, family member, "
                          "worker and address is invented; the demo social worker holds "
                          "about 15 children and the demo team manager is named on a restricted record.")
