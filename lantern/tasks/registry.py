"""Each kind of background task, registered once with the function that does the work and the check
of who may start it. A task row then holds only its kind and JSON inputs, never a closure, so the
same work can be started again ("Try again") after the process that ran it died. A bad definition
fails at import, not when someone presses the button."""

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured

Progress = Callable[[int, int, str], None]
Work = Callable[[Any, dict, Progress], dict | None]  # (actor, inputs, progress) -> result shown on the page
_KIND = re.compile(r"^[a-z][a-z0-9_]{2,59}$")


@dataclass(frozen=True)
class TaskKind:
    kind: str
    run: Work
    permit: Callable[[Any], None]  # raises PermissionDenied: the same check for starting and for trying again

    def __post_init__(self) -> None:
        if not _KIND.match(self.kind):
            raise ImproperlyConfigured(f"Task kind {self.kind!r}: use 3 to 60 lower-case letters, digits or _")
        for name, function, arguments in (("run", self.run, (None, {}, None)), ("permit", self.permit, (None,))):
            if not callable(function):
                raise ImproperlyConfigured(f"Task kind {self.kind!r}: {name} is not a function")
            try:
                inspect.signature(function).bind(*arguments)
            except TypeError as exc:
                raise ImproperlyConfigured(f"Task kind {self.kind!r}: {name} has the wrong arguments ({exc})") from exc


KINDS: dict[str, TaskKind] = {}


def register_task(kind: str, *, permit: Callable[[Any], None]) -> Callable[[Work], Work]:
    """Decorate the work function: ``@register_task("annex_a_export", permit=require_whole_authority)``."""
    def register(run: Work) -> Work:
        definition = TaskKind(kind, run, permit)
        known = KINDS.get(kind)
        if known is not None and (known.run.__module__, known.run.__qualname__) != (run.__module__, run.__qualname__):
            raise ImproperlyConfigured(f"Task kind {kind!r} is registered twice")
        KINDS[kind] = definition
        return run
    return register


def kind_for(kind: str) -> TaskKind:
    try:
        return KINDS[kind]
    except KeyError:
        raise LookupError(f"No background task kind {kind!r} is registered") from None
