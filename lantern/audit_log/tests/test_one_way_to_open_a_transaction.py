"""Every transaction the application opens keeps its refusals (ADR 0014): code outside the audit
trail's own package opens transactions with ``lantern.audit_log.transactions.atomic`` only."""

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
