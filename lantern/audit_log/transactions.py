"""``atomic``: Django's ``transaction.atomic`` that also keeps the audit trail's refusals.

Use it wherever a service opens a transaction, as a decorator (``@atomic``) or a block
(``with atomic():``). When the block ends in an exception, the rollback has removed whatever the
block wrote, refusals included; ``keep_refusals`` writes those again outside it (refusals.py)."""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, overload

from django.db import transaction

from .refusals import keep_refusals

F = TypeVar("F", bound=Callable[..., Any])


class _Block:
    def __init__(self, savepoint: bool = True, durable: bool = False) -> None:
        self.savepoint, self.durable = savepoint, durable
        self._inner: list[transaction.Atomic] = []

    def __enter__(self) -> None:
        inner = transaction.atomic(savepoint=self.savepoint, durable=self.durable)
        self._inner.append(inner)
        inner.__enter__()

    def __exit__(self, exc_type, exc, tb) -> None:
        self._inner.pop().__exit__(exc_type, exc, tb)
        if exc_type is not None:
            keep_refusals()

    def __call__(self, func: F) -> F:
        @wraps(func)
        def inner(*args, **kwargs):
            # A fresh block per call: the decorated service may run in many threads at once.
            with _Block(self.savepoint, self.durable):
                return func(*args, **kwargs)
        return inner  # type: ignore[return-value]


@overload
def atomic(func: F) -> F: ...
@overload
def atomic(func: None = None, *, savepoint: bool = True, durable: bool = False) -> _Block: ...
def atomic(func=None, *, savepoint=True, durable=False):
    if callable(func):
        return _Block()(func)
    return _Block(savepoint, durable)
