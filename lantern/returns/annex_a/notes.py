"""What the Notes sheet, the page and the README say about the workbook: how each list is chosen,
and what Lantern does not record, so a blank cell is never mistaken for an answer."""

HOW = (
    "Each list has one row per event (a contact, a referral, an assessment...), so a child can appear more than "
    "once. Rows are ordered by Child Unique ID, then date.",
    "Child Unique ID is the child's CIN census LAchildID (the Lantern ID, LN and seven digits, unless the child "
    "was migrated with another system's ID), so the lists match the CIN census.",
    "Age of Child (Years) is the child's age on the last day of the period; an unborn child has no date of birth "
    "or age.",
    "Dates after the last day of the period are left out (a plan that ended later shows no end date), so a "
    "workbook for a past period shows the records as they stood then. Categories of abuse and the team and "
    "worker are as recorded now, because Lantern keeps no history of those values.",
    "Allocated Team and Allocated Worker are those holding the child on the last day of the period, or for a "
    "child no longer allocated, the last team and worker that held them. A blank worker means the child was "
    "allocated to a team but not to a worker.",
    "Does the Child have a Disability: Yes when any disability is recorded, No when 'no disability' is recorded, "
    "Unknown when nothing is recorded.",
    "List 1 holds contacts received in the period, one row per child named. List 3 holds referrals made in the "
    "period; its 12-month count covers the twelve months ending on the referral date, the referral itself "
    "included. List 4 holds assessments open at any time in the period. List 5 holds Section 47 enquiries that "
    "started in the period or whose initial conference was held in it; its 12-month counts cover the twelve "
    "months ending on the last day of the period. List 6 holds child in need episodes open at any time in the "
    "period (referrals closed with no further action are not children in need). List 7 holds child protection "
    "plans open at any time in the period.",
)

GAPS = (
    "List 2 (early help): Lantern does not keep early help assessments. The list holds each time a child was "
    "passed to early help in the period: a front door decision, a step-down that early help accepted, or an "
    "allocation to an early help team. 'Assessment start date' and 'Assessment completion date' are blank; "
    "'Organisation completing assessment' is the early help service or team the child was passed to. Two columns "
    "of Lantern's own, to the right, give the date and the route.",
    "List 4: whether the child was seen is 'Yes' when a date seen is recorded on the assessment; otherwise 'No'.",
    "List 6: 'Case Status' never says 'Looked after child', because Lantern has no looked-after records yet.",
    "List 7: Lantern does not record emergency protection orders or police protection, so 'Subject to Emergency "
    "Protection Order or Protected Under Police Powers in Last Six Months (Y/N)' is blank. 'Date of the Last "
    "Statutory Visit' is the latest visit under the plan at which the child was seen.",
    "Lists 8 to 11 (children in care, care leavers, adoption, adopters) are not in this workbook: Lantern does not "
    "hold looked-after children's records yet. Produce them from the system that does.",
)
