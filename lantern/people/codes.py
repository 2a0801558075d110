"""Code lists from the DfE CIN census and the Standard Safeguarding Dataset.

Held as data in one place so forms, validation and later the census export read the same values."""

from django.db import models


class Sex(models.TextChoices):
    MALE = "M", "Male"
    FEMALE = "F", "Female"
    UNKNOWN = "U", "Not known or unborn"


class Ethnicity(models.TextChoices):
    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WROM = "WROM", "Gypsy or Roma"
    WOTH = "WOTH", "Any other White background"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Black Caribbean"
    BAFR = "BAFR", "Black African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"


class Disability(models.TextChoices):
    NONE = "NONE", "No disability"
    MOB = "MOB", "Mobility"
    HAND = "HAND", "Hand function"
    PC = "PC", "Personal care"
    INC = "INC", "Incontinence"
    COMM = "COMM", "Communication"
    LD = "LD", "Learning"
    HEAR = "HEAR", "Hearing"
    VIS = "VIS", "Vision"
    BEH = "BEH", "Behaviour"
    CON = "CON", "Consciousness"
    AUT = "AUT", "Autism or Asperger syndrome"
    DDA = "DDA", "Other disability (Equality Act definition)"


class Religion(models.TextChoices):
    NONE = "none", "No religion"
    CHRISTIAN = "christian", "Christian"
    MUSLIM = "muslim", "Muslim"
    SIKH = "sikh", "Sikh"
    HINDU = "hindu", "Hindu"
    BUDDHIST = "buddhist", "Buddhist"
    JEWISH = "jewish", "Jewish"
    OTHER = "other", "Other religion"
    NOT_STATED = "not_stated", "Not stated"


class RelationshipType(models.TextChoices):
    """How a family or household member relates to the child.

    Fathers and other male carers are named as such: the inspection found them left out of
    assessments, so the summary must show who they are."""

    MOTHER = "mother", "Mother"
    FATHER = "father", "Father"
    STEPMOTHER = "stepmother", "Stepmother"
    STEPFATHER = "stepfather", "Stepfather (male carer)"
    MOTHERS_PARTNER = "mothers_partner", "Mother's partner (male carer)"
    FATHERS_PARTNER = "fathers_partner", "Father's partner"
    OTHER_MALE_CARER = "other_male_carer", "Other male carer"
    OTHER_FEMALE_CARER = "other_female_carer", "Other female carer"
    SIBLING = "sibling", "Sibling"
    HALF_SIBLING = "half_sibling", "Half-sibling"
    GRANDPARENT = "grandparent", "Grandparent"
    AUNT_UNCLE = "aunt_uncle", "Aunt or uncle"
    FOSTER_CARER = "foster_carer", "Foster carer"
    OTHER_RELATIVE = "other_relative", "Other relative"
    FAMILY_FRIEND = "family_friend", "Family friend"


MALE_CARER_TYPES = frozenset(
    {RelationshipType.FATHER, RelationshipType.STEPFATHER, RelationshipType.MOTHERS_PARTNER,
     RelationshipType.OTHER_MALE_CARER}
)
PARENT_AND_CARER_TYPES = MALE_CARER_TYPES | {
    RelationshipType.MOTHER, RelationshipType.STEPMOTHER, RelationshipType.FATHERS_PARTNER,
    RelationshipType.OTHER_FEMALE_CARER, RelationshipType.FOSTER_CARER,
}

LANGUAGES = [
    "English", "Arabic", "Bengali", "Czech", "Farsi", "French", "Gujarati", "Hungarian", "Kurdish",
    "Lithuanian", "Panjabi", "Pashto", "Polish", "Portuguese", "Romanian", "Slovak", "Somali",
    "Tigrinya", "Urdu", "British Sign Language", "Other",
]
