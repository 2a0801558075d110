"""Server time and query count of child search and the child's summary page.

Runs the real pages through Django's test client (middleware, access policy, audit insert and
template rendering included; no network), as a social worker and as a front door screener (who
searches the whole authority), against an already generated authority:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lantern_bench_300000 \\
        .venv/bin/python benchmarks/search_and_summary.py --samples 300
"""

import argparse
import random

from _django import report, setup, timed_get

setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from lantern.accounts.models import User  # noqa: E402
from lantern.accounts.roles import Role, TeamKind  # noqa: E402
from lantern.people.models import Person  # noqa: E402


def misspell(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}; "
          f"children: {Person.objects.filter(is_child_record=True).count():,}")

    screener = User.objects.filter(role=Role.FRONT_DOOR_SCREENER, team__kind=TeamKind.FRONT_DOOR).first()
    worker = (User.objects.filter(role=Role.SOCIAL_WORKER, allocations__end_date__isnull=True)
              .distinct().first())
    max_pk = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
    sample = []
    while len(sample) < args.samples:
        person = Person.objects.filter(pk__gte=rng.randrange(1, max_pk), is_child_record=True,
                                       is_restricted=False).order_by("pk").first()
        if person and person.date_of_birth:
            sample.append(person)

    client = Client()
    client.force_login(screener)
    for person in sample[:20]:  # warm caches and connections
        client.get(f"/children/?q={person.last_name}")
    report("search: full name (screener, whole authority)",
           [timed_get(client, f"/children/?q={p.first_name}+{p.last_name}") for p in sample])
    report("search: misspelt, reversed name (screener)",
           [timed_get(client, f"/children/?q={misspell(p.last_name, rng)}+{misspell(p.first_name, rng)}")
            for p in sample])
    report("search: surname only (screener)", [timed_get(client, f"/children/?q={p.last_name}") for p in sample])
    report("search: date of birth (screener)",
           [timed_get(client, f"/children/?q={p.date_of_birth:%d/%m/%Y}") for p in sample])
    report("child summary (screener)", [timed_get(client, f"/children/{p.pk}/") for p in sample])

    client.force_login(worker)
    own = list(Person.objects.filter(current_team_id=worker.team_id, is_restricted=False)[: args.samples])
    report(f"child summary (social worker, {len(own)} team children)",
           [timed_get(client, f"/children/{p.pk}/") for p in own])
    report("search: name (social worker, team scope)",
           [timed_get(client, f"/children/?q={p.first_name}+{p.last_name}") for p in own])


if __name__ == "__main__":
    main()
