"""Proving the audit trail is whole: walking the hash chain, and anchoring its head outside the
database so that a trail emptied or cut short is found too (ADR 0014)."""

import json
import logging
import os
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .chain import GENESIS, chain_link, normal_ip, row_hash
from .models import AuditEvent, AuditEventChild
from .sealing import seal_pending

log = logging.getLogger(__name__)
CHUNK = 5000
FIELDS = ("id", "seq", "at", "actor_id", "actor_role", "ip_address", "via", "action", "child_id", "object_type",
          "object_id", "changes", "detail", "row_hash", "chain_hash")


@dataclass
class Verification:
    checked: int = 0
    head_seq: int = 0
    unsealed: int = 0
    anchors: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_trail(*, anchor_file: str | None = None, seal_first: bool = True) -> Verification:
    """Walk every sealed row in chain order; stop at the first broken link and name it."""
    if seal_first:
        seal_pending()
    result = Verification()
    expected_seq, previous = 1, GENESIS
    for row, children in _sealed_rows():
        problem = _broken(row, children, expected_seq, previous)
        if problem:
            result.problems.append(problem)
            break
        result.checked += 1
        result.head_seq, previous = row["seq"], row["chain_hash"]
        expected_seq += 1
    result.unsealed = AuditEvent.objects.filter(seq__isnull=True).count()
    _check_anchors(result, Path(anchor_file or settings.LANTERN_AUDIT_ANCHOR_FILE))
    return result


def _broken(row: dict, children: list[int], expected_seq: int, previous: str) -> str:
    where = f"row {row['seq']} of the chain (audit event {row['id']}, {row['at']:%Y-%m-%d %H:%M:%S} UTC)"
    if row["seq"] != expected_seq:
        return (f"The chain jumps from row {expected_seq - 1} to {where}: "
                f"{row['seq'] - expected_seq} row(s) were removed")
    recomputed = row_hash(actor_id=row["actor_id"], actor_role=row["actor_role"],
                          ip_address=normal_ip(row["ip_address"] and str(row["ip_address"])), via=row["via"],
                          action=row["action"], child_id=row["child_id"], object_type=row["object_type"],
                          object_id=row["object_id"], changes=row["changes"], detail=row["detail"], children=children)
    if recomputed != row["row_hash"]:
        return f"The content of {where} was changed after it was written (its hash no longer matches)"
    if chain_link(previous, row["seq"], row["id"], row["at"], row["row_hash"]) != row["chain_hash"]:
        return f"The chain is broken at {where}: it does not follow from the row before it"
    return ""


def _sealed_rows() -> Iterator[tuple[dict, list[int]]]:
    last = 0
    while True:
        rows = list(AuditEvent.objects.filter(seq__gt=last).order_by("seq").values(*FIELDS)[:CHUNK])
        if not rows:
            return
        children: dict[int, list[int]] = defaultdict(list)
        for event_id, child_id in AuditEventChild.objects.filter(
                event_id__in=[r["id"] for r in rows]).values_list("event_id", "child_id"):
            children[event_id].append(child_id)
        for row in rows:
            yield row, children.get(row["id"], [])
        last = rows[-1]["seq"]


def _check_anchors(result: Verification, path: Path) -> None:
    if not path.exists():
        return
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            anchor = json.loads(line)
            seq, chain_hash = int(anchor["seq"]), str(anchor["chain_hash"])
        except (ValueError, KeyError, TypeError):
            result.problems.append(f"Line {number} of the anchor file {path} cannot be read")
            continue
        result.anchors += 1
        if seq == 0:
            continue
        found = AuditEvent.objects.filter(seq=seq).values_list("chain_hash", flat=True).first()
        if found is None:
            result.problems.append(
                f"The anchor written at {anchor.get('written_at', '?')} records row {seq} of the chain, but the "
                f"trail now ends at row {result.head_seq}: rows were removed from the end or the table was emptied")
            return
        if found != chain_hash:
            result.problems.append(f"Row {seq} of the chain differs from the anchor written at "
                                   f"{anchor.get('written_at', '?')}: the trail was rewritten")
            return


def write_anchor(path: str | None = None) -> dict:
    """Seal what is waiting, then append the chain's head to the anchor file (opened for appending
    only, and synced to disk before returning)."""
    seal_pending()
    head = AuditEvent.objects.filter(seq__isnull=False).order_by("-seq").values("seq", "chain_hash").first()
    anchor = {"seq": head["seq"] if head else 0, "chain_hash": head["chain_hash"] if head else GENESIS,
              "written_at": timezone.now().isoformat(timespec="seconds")}
    target = Path(path or settings.LANTERN_AUDIT_ANCHOR_FILE)
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(descriptor, (json.dumps(anchor, sort_keys=True) + "\n").encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return anchor


_last_anchor = {"at": 0.0}


def anchor_if_due() -> None:
    """Write an anchor when the last one from this process is older than the set interval. Called
    after requests, so a serving Lantern anchors its trail without a scheduler; a failure is logged,
    never shown to the person whose request it followed."""
    minutes = settings.LANTERN_AUDIT_ANCHOR_MINUTES
    if minutes <= 0 or time.monotonic() - _last_anchor["at"] < minutes * 60:
        return
    _last_anchor["at"] = time.monotonic()
    try:
        write_anchor()
    except Exception:  # an anchor missed now is written next time; the request has already been served
        log.warning("Could not write the audit trail's anchor", exc_info=True)
