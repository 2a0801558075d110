"""Staff, teams, services and partner agencies (SSD ssd_professionals and ssd_department)."""

import hashlib

from django.contrib.auth.models import AbstractUser
from django.db import models

from .roles import AgencyKind, Employment, Qualification, Role, TeamKind


class Service(models.Model):
    """A group of teams under one service manager; managers see the children of their service."""

    name = models.CharField(max_length=120, unique=True)

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=40, choices=TeamKind.choices)
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="teams")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Agency(models.Model):
    name = models.CharField(max_length=160, unique=True)
    kind = models.CharField(max_length=20, choices=AgencyKind.choices)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who signs in: local authority staff or a partner agency practitioner."""

    role = models.CharField(max_length=40, choices=Role.choices)
    job_title = models.CharField(max_length=120, blank=True)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT, related_name="members")
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="practitioners")
    line_manager = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports")
    qualification = models.CharField(max_length=20, choices=Qualification.choices, default=Qualification.UNQUALIFIED)
    swe_registration = models.CharField("Social Work England registration number", max_length=12, blank=True)
    qualified_on = models.DateField(null=True, blank=True)
    employment = models.CharField(max_length=20, choices=Employment.choices, default=Employment.PERMANENT)
    phone = models.CharField(max_length=30, blank=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["team", "role"])]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_registered_social_worker(self) -> bool:
        return self.qualification == Qualification.REGISTERED_SOCIAL_WORKER and bool(self.swe_registration)


class ApiToken(models.Model):
    """A per-user API token. Only a hash is kept, so a leaked database does not leak tokens."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=80)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()
