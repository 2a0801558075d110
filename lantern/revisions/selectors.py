"""Reading the earlier versions of a record's text. The caller has already fetched the record
through the access policy: whoever may read a record may read what it used to say."""

from collections import defaultdict

from .models import Revision


def _kept(record_type: str):
    return Revision.objects.filter(record_type=record_type).select_related("replaced_by", "written_by")


def earlier_versions(record_type: str, record_id: int, fields: tuple[str, ...] = ()) -> list[Revision]:
    """Newest first."""
    rows = _kept(record_type).filter(record_id=record_id)
    return list(rows.filter(field__in=fields) if fields else rows)


def earlier_versions_of(record_type: str, record_ids) -> dict[int, list[Revision]]:
    """For a page listing several records of one type, in one query."""
    found: dict[int, list[Revision]] = defaultdict(list)
    for revision in _kept(record_type).filter(record_id__in=list(record_ids)):
        found[revision.record_id].append(revision)
    return dict(found)
