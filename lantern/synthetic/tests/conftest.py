import pytest

from lantern.synthetic.generate import generate_authority

SMALL = 600
SEED = 7


@pytest.fixture
def authority(db):
    """A small synthetic authority: 600 children, fixed seed."""
    return generate_authority(SMALL, SEED)
