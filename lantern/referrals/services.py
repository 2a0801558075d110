"""Opening and closing a child in need episode. Later steps (assessment, plans, closure with a
risk evaluation) build on these."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.access.policy import child_for, require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.obligations.engine import obligations_sync

from .models import Episode

SOURCE = "referrals.episode"


@transaction.atomic
def episode_open(*, actor, child, referral_date: date, referral_source: str, primary_need: str = "",
                 referral_nfa: bool = False) -> Episode:
    """Open a child in need episode from a referral (CIN census rules 8600, 8606, 8815/8816)."""
    require_permission(actor, "child.edit")
    child, _ = child_for(actor, child.pk, for_change=True)
    errors = {}
    if referral_date > timezone.localdate():
        errors["referral_date"] = "The referral date cannot be in the future"
    born = child.date_of_birth or child.expected_date_of_birth
    if born and referral_date < born - timedelta(days=280):
        errors["referral_date"] = "The referral date cannot be more than 280 days before the birth (census rule 8606)"
    if not referral_nfa and not primary_need:
        errors["primary_need"] = "Select the primary need (census rule 8610)"
    if not referral_nfa and Episode.objects.filter(child=child, closure_date__isnull=True, referral_nfa=False).exists():
        errors["referral_date"] = "This child already has an open episode; record the work on it instead"
    if errors:
        raise ValidationError(errors)
    episode = Episode.objects.create(child=child, referral_date=referral_date, referral_source=referral_source,
                                     primary_need=primary_need, referral_nfa=referral_nfa,
                                     team_id=child.current_team_id, worker_id=child.current_worker_id,
                                     created_by=actor)
    audit_record(actor=actor, action=Action.CREATE, object_type="episode", object_id=episode.pk, child_id=child.pk,
                 changes={"referral_date": [None, referral_date.isoformat()], "referral_source": [None, referral_source],
                          "primary_need": [None, primary_need], "referral_nfa": [None, referral_nfa]})
    obligations_sync(SOURCE, [episode.pk])
    return episode
