"""Every transaction the application opens keeps its refusals (ADR 0014): code outside the audit
trail's own package opens transactions with ``lantern.audit_log.transactions.atomic`` only. And the
trail names only declared kinds of record (lantern/audit_log/types.py)."""

import re
from pathlib import Path

import lantern

ROOT = Path(lantern.__file__).parent
ALLOWED = {ROOT / "audit_log"}


def test_no_code_opens_a_transaction_with_djangos_atomic_directly():
    offenders = []
    for path in ROOT.rglob("*.py"):
        if any(part in ("migrations", "tests") for part in path.parts) or any(a in path.parents for a in ALLOWED):
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if re.search(r"\btransaction\.atomic\b|from django\.db\.transaction import atomic", line):
                offenders.append(f"{path.relative_to(ROOT.parent)}:{number}")
    assert not offenders, "use lantern.audit_log.transactions.atomic:\n" + "\n".join(offenders)


def test_the_trail_names_only_declared_kinds_of_record_by_their_constants():
    """Every audit_record call names its kind by a constant from an audit_types.py module (a typo then
    fails at import); no free string is written anywhere else."""
    offenders = []
    for path in ROOT.rglob("*.py"):
        if any(part in ("migrations", "tests") for part in path.parts) or path.name == "audit_types.py":
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if re.search(r'object_type="[a-z_]+"', line):
                offenders.append(f"{path.relative_to(ROOT.parent)}:{number}")
    assert not offenders, "name the kind with its audit_types constant:\n" + "\n".join(offenders)


def test_an_undeclared_kind_of_record_is_refused(social_worker):
    import pytest

    from lantern.audit_log.services import audit_record

    with pytest.raises(ValueError, match="not declared"):
        audit_record(actor=social_worker, action="view", object_type="a_kind_nobody_declared")
