"""Children, family and household members, addresses, allocations and involvements.

Lines up with the Standard Safeguarding Dataset: Person ~ ssd_person, PersonAddress ~ ssd_address,
PersonDisability ~ ssd_disability, Relationship ~ ssd_family, Allocation ~ the worker/team history
of ssd_involvements, Involvement ~ ssd_involvements for other agencies' professionals."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

from .codes import MALE_CARER_TYPES, Disability, Ethnicity, RelationshipType, Religion, Sex
from .validators import validate_nhs_number, validate_upn

LANTERN_ID_PREFIX = "LN"


class Person(models.Model):
    """Anyone Lantern records. A child whose record Lantern holds has ``is_child_record`` set;
    family members are people too, so a sibling can later get a record of their own."""

    first_name = models.CharField(max_length=80)
    middle_names = models.CharField(max_length=120, blank=True)
    last_name = models.CharField(max_length=80)
    known_as = models.CharField("Also known as", max_length=120, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    expected_date_of_birth = models.DateField(null=True, blank=True)
    date_of_death = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOBT)
    first_language = models.CharField(max_length=40, blank=True)
    interpreter_required = models.BooleanField(default=False)
    religion = models.CharField(max_length=20, choices=Religion.choices, default=Religion.NOT_STATED)
    nhs_number = models.CharField(max_length=10, blank=True, validators=[validate_nhs_number])
    upn = models.CharField("Unique pupil number", max_length=13, blank=True, validators=[validate_upn])
    is_child_record = models.BooleanField(default=True)
    is_restricted = models.BooleanField(default=False)
    # The current allocation, kept here so "visible to this user" is one indexed filter.
    current_team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    current_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["nhs_number"]),
            models.Index(fields=["upn"]),
            models.Index(fields=["date_of_birth"]),
            models.Index(fields=["current_team"]),
            models.Index(fields=["current_worker"]),
            # What the access policy asks of each child, readable from the index alone: work lists
            # and counts that join thousands of rows to their children never touch the wide table.
            models.Index(fields=["id"], include=["current_team", "current_worker", "is_child_record", "is_restricted"],
                         name="person_visibility_idx"),
            # The children a team holds (a few percent of everyone on record), with what the access
            # policy asks of each: team work lists read this alone.
            models.Index(fields=["current_team"], include=["id", "current_worker", "is_restricted"],
                         condition=Q(is_child_record=True, current_team__isnull=False), name="person_team_idx"),
            # The children each worker holds: caseloads on the dashboard count this index alone.
            models.Index(fields=["current_worker"], condition=Q(is_child_record=True, current_worker__isnull=False),
                         name="person_worker_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~(models.Q(date_of_birth__isnull=False) & models.Q(expected_date_of_birth__isnull=False)),
                name="person_dob_xor_expected_dob",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def lantern_id(self) -> str:
        return f"{LANTERN_ID_PREFIX}{self.pk:07d}"

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.middle_names, self.last_name) if p)

    @property
    def is_unborn(self) -> bool:
        return self.date_of_birth is None and self.expected_date_of_birth is not None

    def age_on(self, on: date) -> int | None:
        dob = self.date_of_birth
        if dob is None:
            return None
        return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


class PersonDisability(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="disabilities")
    code = models.CharField(max_length=4, choices=Disability.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "code"], name="disability_once_per_person")]


class Address(models.Model):
    line_1 = models.CharField(max_length=120)
    line_2 = models.CharField(max_length=120, blank=True)
    town = models.CharField(max_length=80)
    postcode = models.CharField(max_length=10)

    def __str__(self) -> str:
        return ", ".join(p for p in (self.line_1, self.line_2, self.town, self.postcode) if p)


class PersonAddress(models.Model):
    """One line of a person's address history; ``moved_out`` is empty for the current address."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="addresses")
    address = models.ForeignKey(Address, on_delete=models.PROTECT, related_name="residents")
    moved_in = models.DateField()
    moved_out = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-moved_in"]
        indexes = [models.Index(fields=["person", "moved_out"])]


class Relationship(models.Model):
    """How a family or household member relates to a child, from the child's side."""

    child = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships")
    relative = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships_to_children")
    relationship_type = models.CharField(max_length=30, choices=RelationshipType.choices)
    lives_with_child = models.BooleanField(default=False)
    has_parental_responsibility = models.BooleanField(default=False)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["child", "relative", "relationship_type"], name="relationship_once"),
            models.CheckConstraint(condition=~models.Q(child=models.F("relative")), name="relationship_not_self"),
        ]

    @property
    def is_male_carer(self) -> bool:
        return self.relationship_type in MALE_CARER_TYPES


class Allocation(models.Model):
    """Which team, and which worker, hold a child's record, from when to when."""

    child = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="allocations")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="allocations")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="allocations"
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        indexes = [models.Index(fields=["child", "end_date"]), models.Index(fields=["worker", "end_date"]),
                   # Each child's workers in order, with the dates beside them: the dashboard's changes
                   # of social worker count the pairs in force in a period from this index alone.
                   models.Index(fields=["child", "worker"], include=["start_date", "end_date"],
                                condition=models.Q(worker__isnull=False), name="allocation_pairs_idx")]


class Involvement(models.Model):
    """A professional from another agency involved with a child (school, health visitor, police)."""

    child = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="involvements")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="involvements")
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="involvements"
    )
    practitioner_name = models.CharField(max_length=120, blank=True)
    role = models.CharField(max_length=120)
    contact_details = models.CharField(max_length=200, blank=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start_date"]
        indexes = [models.Index(fields=["practitioner", "end_date"])]

    @property
    def display_name(self) -> str:
        return str(self.practitioner) if self.practitioner else self.practitioner_name


class NameKey(models.Model):
    """Search keys for a person's names (exact, phonetic and consonant-skeleton forms), so that
    a misspelt, reordered or nicknamed search still finds the child with an indexed lookup."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_keys")
    key = models.CharField(max_length=40)

    class Meta:
        indexes = [models.Index(fields=["key", "person"])]


def person_clean(person: Person) -> None:
    """Cross-field rules for a person's details, shared by forms, the API and imports."""
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    today = timezone.localdate()
    errors = {}
    if person.date_of_birth and person.expected_date_of_birth:
        errors["expected_date_of_birth"] = "Give a date of birth or an expected date of birth, not both"
    if person.is_child_record and not person.date_of_birth and not person.expected_date_of_birth:
        errors["date_of_birth"] = "Enter a date of birth, or an expected date of birth for an unborn child"
    if person.date_of_birth and person.date_of_birth > today:
        errors["date_of_birth"] = "Date of birth must be today or in the past"
    if person.date_of_death and person.date_of_birth and person.date_of_death < person.date_of_birth:
        errors["date_of_death"] = "Date of death must be on or after the date of birth"
    if person.is_unborn and person.sex != Sex.UNKNOWN:
        errors["sex"] = "An unborn child's sex is recorded as not known (census rule 8750)"
    if errors:
        raise ValidationError(errors)


Person.clean = person_clean  # type: ignore[method-assign,assignment]
