"""Census records for tests, built in memory: one child of the 2024-25 census whose records break no
child rule, to which each rule's test makes one change."""

from datetime import date
from typing import Any

from lantern.returns.cin_census.records import (
    AssessmentRecord,
    ChildRecord,
    CinPlanRecord,
    CpPlanRecord,
    EpisodeRecord,
    Header,
    Return,
    Section47Record,
)

YEAR = 2025
VALID_UPN = "K333123456789"


def episode(**changes) -> EpisodeRecord:
    values: dict[str, Any] = dict(
        referral_date=date(2024, 5, 1), referral_source="2A", primary_need="N1", nfa=False,
        assessments=[AssessmentRecord(start=date(2024, 5, 2), authorised=date(2024, 6, 3), factors=["3A", "4B"])],
        s47s=[Section47Record(start=date(2024, 5, 3), icpc_target=date(2024, 5, 28), icpc_date=date(2024, 5, 20),
                              icpc_not_required=False)],
        cp_plans=[CpPlanRecord(start=date(2024, 5, 20), end=date(2024, 11, 20), initial_category="NEG",
                               latest_category="EMO", previous_plans=0, reviews=[date(2024, 8, 20)])],
        cin_plans=[CinPlanRecord(start=date(2024, 11, 20))])
    values.update(changes)
    return EpisodeRecord(**values)


def clean_child(**changes) -> ChildRecord:
    values: dict[str, Any] = dict(la_child_id="LN0000001", upn=VALID_UPN, birth_date=date(2015, 5, 1), sex="F",
                                  ethnicity="WBRI", disabilities=["NONE"], episodes=[episode()])
    values.update(changes)
    return ChildRecord(**values)


def census(*children: ChildRecord, year: int = YEAR, reference_date: date | None = None) -> Return:
    ref = reference_date or date(year, 3, 31)
    return Return(header=Header(year=year, reference_date=ref, lea="333"), children=list(children))


def a_year_earlier(record):
    """The same records one collection year earlier: every date 52 weeks back, on the same weekday."""
    from dataclasses import fields, is_dataclass
    from datetime import timedelta

    def shift(value):
        if isinstance(value, date):
            return value - timedelta(weeks=52)
        if isinstance(value, list):
            return [shift(v) for v in value]
        if is_dataclass(value):
            return type(value)(**{f.name: shift(getattr(value, f.name)) for f in fields(value)})
        return value
    return shift(record)
