"""Reads of the authority's organisation: teams, staff and partner agencies."""

from django.db.models import Count, Q, QuerySet

from .models import Agency, Team, User


def teams_with_counts() -> QuerySet[Team]:
    return Team.objects.select_related("service").annotate(
        staff_count=Count("members", filter=Q(members__is_active=True), distinct=True)
    ).order_by("service__name", "name")


def team_staff(team: Team) -> QuerySet[User]:
    return team.members.filter(is_active=True).select_related("line_manager").order_by("role", "last_name")


def agencies_with_practitioners() -> QuerySet[Agency]:
    return Agency.objects.prefetch_related("practitioners").order_by("kind", "name")
