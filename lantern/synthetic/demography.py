"""The population mix of a fictional English metropolitan borough.

Roughly 60% White British, 7% other White (mostly Polish and Romanian), 20% Asian (Indian,
Pakistani, Bangladeshi), 6% Black (African and Caribbean), 5% mixed and a few others, coded with
the DfE CIN census ethnicity codes. Each ethnicity maps to one or more naming cultures, which in
turn carry the first languages and religions the families are drawn with."""

from bisect import bisect
from enum import Enum
from itertools import accumulate
from random import Random

from lantern.people.codes import Ethnicity, Religion

E = Ethnicity


class Weighted:
    """A fixed weighted choice, fast enough to call a million times."""

    def __init__(self, pairs):
        # Code-list members become plain strings, which every database driver takes as they are.
        self.values = [value.value if isinstance(value, Enum) else value for value, _ in pairs]
        self.cumulative = list(accumulate(weight for _, weight in pairs))
        self.total = self.cumulative[-1]

    def pick(self, rng: Random):
        return self.values[bisect(self.cumulative, rng.random() * self.total)]


# A household's ethnicity, the mother's and father's cultures for it, and the child's recorded code.
# Mixed codes: one parent from each side (which side the mother is from is decided per household).
HOUSEHOLD_ETHNICITY = Weighted([
    (E.WBRI, 59.5), (E.WIRI, 0.8), (E.WIRT, 0.2), (E.WROM, 0.5), (E.WOTH, 6.0),
    (E.MWBC, 2.0), (E.MWBA, 0.8), (E.MWAS, 1.2), (E.MOTH, 1.0),
    (E.AIND, 7.0), (E.APKN, 8.0), (E.ABAN, 3.0), (E.AOTH, 2.0),
    (E.BCRB, 2.0), (E.BAFR, 3.5), (E.BOTH, 0.5),
    (E.CHNE, 0.6), (E.OOTH, 1.0),
])

CULTURES_FOR: dict[str, Weighted] = {
    E.WBRI: Weighted([("british", 1)]),
    E.WIRI: Weighted([("irish", 1)]),
    E.WIRT: Weighted([("irish", 1)]),
    E.WROM: Weighted([("roma", 1)]),
    E.WOTH: Weighted([("polish", 55), ("romanian", 30), ("central", 15)]),
    E.AIND: Weighted([("indian_sikh", 50), ("indian_hindu", 50)]),
    E.APKN: Weighted([("pakistani", 1)]),
    E.ABAN: Weighted([("bangladeshi", 1)]),
    E.AOTH: Weighted([("middle_eastern", 50), ("tamil", 50)]),
    E.BCRB: Weighted([("caribbean", 1)]),
    E.BAFR: Weighted([("west_african", 60), ("east_african", 40)]),
    E.BOTH: Weighted([("caribbean", 50), ("west_african", 50)]),
    E.CHNE: Weighted([("chinese", 1)]),
    E.OOTH: Weighted([("middle_eastern", 1)]),
}

# Mixed heritage: (White British side, the other parent's ethnicity).
MIXED_PARENTS: dict[str, Weighted] = {
    E.MWBC: Weighted([(E.BCRB, 1)]),
    E.MWBA: Weighted([(E.BAFR, 1)]),
    E.MWAS: Weighted([(E.APKN, 45), (E.AIND, 40), (E.ABAN, 15)]),
    E.MOTH: Weighted([(E.OOTH, 40), (E.CHNE, 20), (E.WOTH, 20), (E.AOTH, 20)]),
}

CULTURES_FOR = {str(code): choice for code, choice in CULTURES_FOR.items()}
MIXED_PARENTS = {str(code): choice for code, choice in MIXED_PARENTS.items()}

# A small share of records carry "refused" or "not yet obtained" instead of the real code.
UNRECORDED_ETHNICITY = Weighted([(None, 99.2), (E.REFU, 0.35), (E.NOBT, 0.45)])

# Adults' first language; children speak English first with the second figure's probability.
LANGUAGES = {
    "british": ([("English", 1)], 1.0),
    "irish": ([("English", 1)], 1.0),
    "caribbean": ([("English", 1)], 1.0),
    "polish": ([("Polish", 1)], 0.45),
    "romanian": ([("Romanian", 1)], 0.35),
    "central": ([("Lithuanian", 40), ("Slovak", 25), ("Czech", 15), ("Hungarian", 20)], 0.40),
    "roma": ([("Romanian", 50), ("Slovak", 30), ("Czech", 20)], 0.30),
    "pakistani": ([("Urdu", 45), ("Panjabi", 35), ("English", 20)], 0.70),
    "bangladeshi": ([("Bengali", 80), ("English", 20)], 0.60),
    "indian_sikh": ([("Panjabi", 70), ("English", 30)], 0.75),
    "indian_hindu": ([("Gujarati", 60), ("English", 30), ("Other", 10)], 0.75),
    "west_african": ([("English", 70), ("French", 10), ("Other", 20)], 0.85),
    "east_african": ([("Somali", 55), ("Tigrinya", 35), ("Arabic", 10)], 0.50),
    "chinese": ([("Other", 70), ("English", 30)], 0.60),
    "middle_eastern": ([("Arabic", 35), ("Kurdish", 30), ("Farsi", 20), ("Pashto", 15)], 0.40),
    "tamil": ([("Other", 80), ("English", 20)], 0.60),
}
ADULT_LANGUAGE = {culture: Weighted(pairs) for culture, (pairs, _) in LANGUAGES.items()}
CHILD_SPEAKS_ENGLISH = {culture: share for culture, (_, share) in LANGUAGES.items()}

R = Religion
RELIGION = {
    "british": Weighted([(R.CHRISTIAN, 40), (R.NONE, 45), (R.NOT_STATED, 12), (R.JEWISH, 1), (R.OTHER, 2)]),
    "irish": Weighted([(R.CHRISTIAN, 80), (R.NONE, 15), (R.NOT_STATED, 5)]),
    "caribbean": Weighted([(R.CHRISTIAN, 60), (R.NONE, 28), (R.NOT_STATED, 10), (R.OTHER, 2)]),
    "polish": Weighted([(R.CHRISTIAN, 88), (R.NONE, 8), (R.NOT_STATED, 4)]),
    "romanian": Weighted([(R.CHRISTIAN, 90), (R.NONE, 5), (R.NOT_STATED, 5)]),
    "central": Weighted([(R.CHRISTIAN, 60), (R.NONE, 35), (R.NOT_STATED, 5)]),
    "roma": Weighted([(R.CHRISTIAN, 85), (R.NOT_STATED, 15)]),
    "pakistani": Weighted([(R.MUSLIM, 95), (R.NOT_STATED, 5)]),
    "bangladeshi": Weighted([(R.MUSLIM, 96), (R.NOT_STATED, 4)]),
    "indian_sikh": Weighted([(R.SIKH, 90), (R.NOT_STATED, 6), (R.NONE, 4)]),
    "indian_hindu": Weighted([(R.HINDU, 86), (R.NOT_STATED, 6), (R.NONE, 4), (R.OTHER, 4)]),
    "west_african": Weighted([(R.CHRISTIAN, 75), (R.MUSLIM, 20), (R.NOT_STATED, 5)]),
    "east_african": Weighted([(R.MUSLIM, 70), (R.CHRISTIAN, 28), (R.NOT_STATED, 2)]),
    "chinese": Weighted([(R.NONE, 55), (R.BUDDHIST, 20), (R.CHRISTIAN, 15), (R.NOT_STATED, 10)]),
    "middle_eastern": Weighted([(R.MUSLIM, 85), (R.NONE, 5), (R.CHRISTIAN, 5), (R.NOT_STATED, 5)]),
    "tamil": Weighted([(R.HINDU, 70), (R.CHRISTIAN, 25), (R.NOT_STATED, 5)]),
}

# Staff and partner practitioners: a workforce a little less diverse than the children it serves.
STAFF_CULTURE = Weighted([
    ("british", 66), ("irish", 3), ("caribbean", 6), ("west_african", 8), ("pakistani", 5), ("indian_sikh", 4),
    ("indian_hindu", 3), ("polish", 2), ("bangladeshi", 1), ("romanian", 1), ("east_african", 1),
])
