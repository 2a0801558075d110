"""The Annex A lists Lantern can fill (1 to 7), each as data: its sheet, its columns in Ofsted's
words and order, and the selector that reads its rows for a period. Lists 8 to 11 (children in
care, care leavers, adoption, adopters) need looked-after records, which Lantern does not keep yet.

A list's columns are the five every list opens with, then "Does the Child have a Disability" where
the list has it, the list's own columns, then "Allocated Team" and "Allocated Worker" where the list
has them. Each selector reads its rows in a fixed number of queries, whatever the period's size."""

from collections.abc import Callable
from dataclasses import dataclass

from ..period import Period
from .assessments import assessment_rows
from .children_in_need import cin_rows
from .common import Child, ListRows
from .contacts import contact_rows
from .early_help import early_help_rows
from .enquiries import enquiry_rows
from .protection import protection_rows
from .referrals import referral_rows

DATE, TEXT, NUMBER = "date", "text", "number"


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT
    width: int = 18


COMMON = (Column("Child Unique ID", TEXT, 16), Column("Gender", TEXT, 22), Column("Ethnicity", TEXT, 12),
          Column("Date of Birth", DATE, 13), Column("Age of Child (Years)", NUMBER, 10))
DISABILITY = Column("Does the Child have a Disability", TEXT, 14)
ALLOCATED = (Column("Allocated Team", TEXT, 32), Column("Allocated Worker", TEXT, 24))


@dataclass(frozen=True)
class AnnexList:
    number: int
    title: str
    own_columns: tuple[Column, ...]
    select: Callable[[Period], ListRows]
    disability: bool = True
    allocated: bool = True

    @property
    def sheet(self) -> str:
        return f"List {self.number}"

    @property
    def columns(self) -> tuple[Column, ...]:
        return (*COMMON, *((DISABILITY,) if self.disability else ()), *self.own_columns,
                *(ALLOCATED if self.allocated else ()))

    def cells(self, child: Child, own: tuple) -> tuple:
        return (*child.identity, *((child.disability,) if self.disability else ()), *own,
                *((child.team, child.worker) if self.allocated else ()))


LISTS: tuple[AnnexList, ...] = (
    AnnexList(1, "Contacts", (Column("Date of Contact", DATE, 13), Column("Contact Source", TEXT, 30)),
              contact_rows, disability=False, allocated=False),
    AnnexList(2, "Early help", (
        Column("Assessment start date", DATE, 13), Column("Assessment completion date", DATE, 13),
        Column("Organisation completing assessment", TEXT, 34),
        Column("Date passed to early help (Lantern)", DATE, 14), Column("Route to early help (Lantern)", TEXT, 34)),
        early_help_rows, disability=False, allocated=False),
    AnnexList(3, "Referrals", (
        Column("Date of referral", DATE, 13), Column("Referral Source", TEXT, 30), Column("Referral NFA?", TEXT, 10),
        Column("Number of Referrals in Last 12 Months", NUMBER, 12)), referral_rows, disability=False),
    AnnexList(4, "Assessments", (
        Column("Continuous Assessment Start Date", DATE, 13), Column("Child Seen During Continuous Assessment"),
        Column("Continuous Assessment Date of Authorisation", DATE, 13),
        Column("Was the child assessed as requiring LA children's social care support?", TEXT, 20)),
        assessment_rows),
    AnnexList(5, "Section 47 enquiries and ICPCs", (
        Column("Strategy discussion initiating Section 47 Enquiry Start Date", DATE, 14),
        Column("Was an Initial Child Protection Conference deemed unnecessary?", TEXT, 14),
        Column("Date of Initial Child Protection Conference", DATE, 13),
        Column("Did the Initial Child Protection Conference Result in a Child Protection Plan", TEXT, 14),
        Column("Number of Section 47 Enquiries in the last 12 months", NUMBER, 12),
        Column("Number of ICPCs in the last 12 months", NUMBER, 12)), enquiry_rows),
    AnnexList(6, "Children in need", (
        Column("CIN Start Date", DATE, 13), Column("Primary Need Code", TEXT, 28),
        Column("Date Child Was Last Seen", DATE, 13), Column("CIN Closure Date", DATE, 13),
        Column("Reason for Closure", TEXT, 40), Column("Case Status", TEXT, 22)), cin_rows),
    AnnexList(7, "Child protection", (
        Column("Child Protection Plan Start Date", DATE, 13), Column("Initial Category of Abuse", TEXT, 22),
        Column("Latest Category of Abuse", TEXT, 22), Column("Date of the Last Statutory Visit", DATE, 13),
        Column("Was the Child Seen Alone?", TEXT, 12), Column("Date of latest review conference", DATE, 13),
        Column("Child Protection Plan End Date", DATE, 13),
        Column("Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
               TEXT, 18),
        Column("Number of Previous Child Protection Plans", NUMBER, 12)), protection_rows),
)

__all__ = ["DATE", "LISTS", "NUMBER", "TEXT", "AnnexList", "Child", "Column", "ListRows"]
