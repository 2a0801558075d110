"""Turning records into stored obligations: computed by services when records are saved, and for
the whole authority by ``recompute_obligations`` after a calendar or policy change."""

from collections.abc import Iterable

from django.db.models import Exists, OuterRef

from lantern.audit_log.transactions import atomic

from .clock import Clock, current_clock
from .models import Obligation
from .registry import ObligationSource, ObligationSpec, all_sources, source_for

STORED_FIELDS = ("child_id", "start_date", "series_start", "extended", "due_date", "met_on", "late_reason",
                 "withdrawn_on", "link")


def _due_date(spec: ObligationSpec, clock: Clock):
    return clock.due_date(spec.rule_id, spec.start_date, occurrence=spec.occurrence,
                          series_start=spec.series_start, extended=spec.extended)


def _values(spec: ObligationSpec, clock: Clock) -> dict:
    return {"child_id": spec.child_id, "start_date": spec.start_date, "series_start": spec.series_start,
            "extended": spec.extended, "due_date": _due_date(spec, clock), "met_on": spec.met_on,
            "late_reason": spec.late_reason, "withdrawn_on": spec.withdrawn_on, "link": spec.link}


def _store(source: ObligationSource, source_ids: list[int], specs: Iterable[ObligationSpec], clock: Clock) -> int:
    """Make the stored rows for these source records equal the specs; returns rows written."""
    existing = {(o.source_id, o.rule_id, o.occurrence): o
                for o in Obligation.objects.filter(source_type=source.key, source_id__in=source_ids)}
    create, update = [], []
    for spec in specs:
        values = _values(spec, clock)
        row = existing.pop((spec.source_id, spec.rule_id, spec.occurrence), None)
        if row is None:
            create.append(Obligation(source_type=source.key, source_id=spec.source_id, rule_id=spec.rule_id,
                                     occurrence=spec.occurrence, **values))
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            update.append(row)
    if existing:
        Obligation.objects.filter(pk__in=[row.pk for row in existing.values()]).delete()
    Obligation.objects.bulk_create(create, batch_size=2000)
    Obligation.objects.bulk_update(update, STORED_FIELDS, batch_size=2000)
    return len(create) + len(update) + len(existing)


def obligations_sync(source_key: str, source_ids: Iterable[int]) -> int:
    """Recompute the obligations of some records of one source. Call it in the service's
    transaction, after the records are saved."""
    source = source_for(source_key)
    ids = list(source_ids)
    return _store(source, ids, source.build(source.records(ids)), current_clock())


def obligations_sync_child(child_id: int) -> int:
    """Recompute the obligations of a child's records whose deadlines depend on the child's own
    details; call it in the service's transaction after those details change."""
    written = 0
    for source in all_sources():
        if source.follows_child:
            ids = source.model._default_manager.filter(**{source.follows_child: child_id}).values_list("pk", flat=True)
            written += obligations_sync(source.key, ids)
    return written


def recompute_all(*, batch_size: int = 5000, progress=None) -> dict[str, int]:
    """Recompute every stored obligation of the authority, source by source, in batches."""
    clock = current_clock()
    written: dict[str, int] = {}
    for source in all_sources():
        ids = list(source.model._default_manager.order_by("pk").values_list("pk", flat=True))
        written[source.key] = 0
        for start in range(0, len(ids), batch_size):
            batch = ids[start:start + batch_size]
            with atomic():
                written[source.key] += _store(source, batch, source.build(source.records(batch)), clock)
            if progress:
                progress(source.key, min(start + batch_size, len(ids)), len(ids))
        # Rows whose source record no longer exists. NOT EXISTS, not NOT IN: PostgreSQL hashes a NOT IN
        # list only when it fits in work_mem, and otherwise scans the whole list once per obligation.
        gone = ~Exists(source.model._default_manager.filter(pk=OuterRef("source_id")))
        Obligation.objects.filter(gone, source_type=source.key).delete()
    return written
