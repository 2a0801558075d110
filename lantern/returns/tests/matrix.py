"""This app's rows of the permission matrix (tests/test_permission_matrix.py merges them), gathered
from each part's tests/matrix_<part>.py, which have the same shape:

PAGES: url name → (path template, roles that get 200[, status for everyone else, default 403]).
ENDPOINTS: (method, path template, roles that succeed).
world(users, ids) may create records and return extra ids for the path templates."""

from importlib import import_module

from lantern.returns.parts import PARTS

_MATRICES = [import_module(f"lantern.returns.tests.matrix_{part}") for part in PARTS]

PAGES: dict = {}
ENDPOINTS: list = []
for _matrix in _MATRICES:
    PAGES.update(_matrix.PAGES)
    ENDPOINTS.extend(_matrix.ENDPOINTS)


def world(users, ids) -> dict:
    extra: dict = {}
    for matrix in _MATRICES:
        extra.update(matrix.world(users, {**ids, **extra}))
    return extra
