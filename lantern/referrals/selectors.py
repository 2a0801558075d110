"""Reads of episodes, through the access policy: the episode's child is fetched with child_for,
so a refusal is audited exactly as it is for the child's summary."""


from lantern.access.policy import OutOfReach, child_for, require_permission

from .models import Episode


def episode_for(user, episode_id: int, *, permission: str = "episode.view", for_change: bool = False):
    """(episode, decision) for this user, or PermissionDenied: a missing episode is refused the
    same way as one the user may not see, so ids reveal nothing."""
    require_permission(user, permission)
    episode = Episode.objects.select_related("team", "worker").filter(pk=episode_id).first()
    if episode is None:
        raise OutOfReach("No episode you can see has that ID")
    child, decision = child_for(user, episode.child_id, for_change=for_change)
    episode.child = child
    return episode, decision
