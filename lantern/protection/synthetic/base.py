"""What every planning step shares: the seeded random generator, the profile, the inputs read from
the authority, the statutory clock, and the rows being planned."""

from random import Random

from .clock import Clock
from .inputs import Inputs
from .profile import Profile
from .rows import Rows


class PlannerBase:
    rng: Random
    p: Profile
    inputs: Inputs
    clock: Clock
    rows: Rows
