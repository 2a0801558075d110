"""The API's shape for an earlier version, included in the read of each record whose text can be rewritten."""

from datetime import datetime

from ninja import Schema


class RevisionOut(Schema):
    field: str
    label: str
    text: str
    version: int
    written_by_id: int | None
    replaced_by_id: int
    replaced_at: datetime


def revisions_out(revisions) -> list[RevisionOut]:
    return [RevisionOut(**{f: getattr(r, f) for f in RevisionOut.model_fields}) for r in revisions]
