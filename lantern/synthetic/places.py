"""The fictional borough of Brindleford: localities, streets, postcodes and the names of its schools
and surgeries. Postcodes use the outward codes LZ1 to LZ9 in the valid UK shape ("LZ3 7QT");
telephone numbers use Ofcom's 01632 960xxx range, which is kept for drama and never allocated."""

from random import Random

TOWN = "Brindleford"
AUTHORITY_NAME = "Brindleford Metropolitan Borough Council"
LA_CODE = "333"

# Outward code -> locality (used as the second address line).
LOCALITIES = {
    "LZ1": "Brindleford Centre", "LZ2": "Ashcombe", "LZ3": "Holloway Green", "LZ4": "Marlpit",
    "LZ5": "Kettlebridge", "LZ6": "Netherfold", "LZ7": "Coppice End", "LZ8": "Lowbrook", "LZ9": "Saltmoor Cross",
}
DISTRICTS = tuple(LOCALITIES)


def _words(text: str) -> list[str]:
    return text.split()


_STEMS = _words("""
Foundry Canal Chapel Mill Station Victoria Albert Queens Kings Church Park Meadow Willow Oak Ash Birch Elm
Rowan Hawthorn Holly Laburnum Beech Cedar Linden Larch Maple Chestnut Sycamore Poplar Alder Heather Bracken
Clover Primrose Bluebell Foxglove Lark Wren Kestrel Heron Swallow Linnet Plover Brindle Kettle Coppice Tanner
Weaver Cobbler Brewer Quarry Furnace Forge Anvil Colliery Brick Lime Tollgate Turnpike Wharf Lock Ferry Pump
Nailers Chainmakers Glassworks Saltmoor Lowbrook Netherfold Marlpit Ashcombe Holloway Gorse Thistle Sorrel
Teasel
""")
_SUFFIXES = _words("""
Street Road Lane Close Avenue Drive Way Grove Crescent Gardens Court Terrace Walk Rise Place View Mews Row
Square
""")
_BLOCKS = _words("Kestrel Heron Wren Linnet Plover Foundry Canal Forge Beacon Millstream Tollgate Coppice")
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # letters used in the inward part of real postcodes


def phone(rng: Random) -> str:
    return f"01632 960{rng.randrange(1000):03d}"


class Street:
    __slots__ = ("name", "district", "sector", "units", "used")

    def __init__(self, name: str, district: str, sector: int):
        self.name, self.district, self.sector = name, district, sector
        self.units: dict[int, str] = {}  # a postcode unit for each run of 20 house numbers
        self.used: set[tuple[int, int]] = set()


class StreetMap:
    """Streets for each district, and unused house numbers on them, so no two households share a door."""

    def __init__(self, rng: Random, households: int):
        self.rng = rng
        per_district = max(12, households // (len(DISTRICTS) * 30) + 1)
        combos = [f"{stem} {suffix}" for stem in _STEMS for suffix in _SUFFIXES]
        self.streets: dict[str, list[Street]] = {}
        for district in DISTRICTS:
            names = rng.sample(combos, min(per_district, len(combos)))
            self.streets[district] = [Street(name, district, rng.randrange(1, 10)) for name in names]

    def _postcode(self, street: Street, number: int) -> str:
        unit = street.units.get(number // 20)
        if unit is None:
            unit = street.units[number // 20] = self.rng.choice(_INWARD_LETTERS) + self.rng.choice(_INWARD_LETTERS)
        return f"{street.district} {street.sector}{unit}"

    def address(self, district: str) -> tuple[str, str, str, str]:
        """(line 1, line 2, town, postcode) for a new, unused address in the district."""
        rng = self.rng
        for _ in range(50):
            street = rng.choice(self.streets[district])
            number = rng.randrange(1, 240)
            flat = rng.randrange(1, 25) if rng.random() < 0.12 else 0
            if (number, flat) in street.used:
                continue
            street.used.add((number, flat))
            line_1 = f"Flat {flat}, {number} {street.name}" if flat else f"{number} {street.name}"
            return line_1, LOCALITIES[district], TOWN, self._postcode(street, number)
        # A crowded district: a flat in a tower block, numbered past any house.
        street = rng.choice(self.streets[district])
        flat = len(street.used) + 1000
        street.used.add((0, flat))
        return (f"Flat {flat}, {rng.choice(_BLOCKS)} House, {street.name}", LOCALITIES[district], TOWN,
                self._postcode(street, 0))


def _unique_names(rng: Random, candidates: list[str], count: int) -> list[str]:
    """``count`` different names from the candidates, numbered if the candidates run out."""
    candidates = sorted(set(candidates))
    rng.shuffle(candidates)
    names = candidates[:count]
    extra = 2
    while len(names) < count:
        names.extend(f"{name} {extra}" for name in candidates[: count - len(names)])
        extra += 1
    return names


def school_names(rng: Random, primaries: int, secondaries: int) -> tuple[list[str], list[str]]:
    places = list(LOCALITIES.values()) + _STEMS
    saints = ["Bridget", "Joseph", "Mary", "Patrick", "Anne", "Michael", "Chad", "Francis", "Teresa", "Hilda"]
    primary_forms = ["{} Primary School", "{} Community Primary School", "{} Primary Academy",
                     "{} C of E Primary School", "{} Junior and Infant School"]
    secondary_forms = ["{} High School", "{} Academy", "{} Community College", "{} School"]
    primary = [form.format(place) for form in primary_forms for place in places]
    primary += [f"St {saint}'s Catholic Primary School" for saint in saints]
    secondary = [form.format(place) for form in secondary_forms for place in places]
    return _unique_names(rng, primary, primaries), _unique_names(rng, secondary, secondaries)


def practice_names(rng: Random, count: int) -> list[str]:
    forms = ["{} Medical Practice", "{} Surgery", "{} Health Centre", "{} Family Practice"]
    places = list(LOCALITIES.values()) + _STEMS
    return _unique_names(rng, [form.format(place) for form in forms for place in places], count)
