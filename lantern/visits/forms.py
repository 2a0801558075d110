"""The visit form. Rules that also bind the API live in the service."""

from lantern.web.fields import text, yes_no
from lantern.web.forms import DateField, GovUKForm


class VisitForm(GovUKForm):
    visit_date = DateField(label="Date of the visit", error_messages={"required": "Enter the date of the visit"})
    child_seen = yes_no("Was the child seen?")
    not_seen_reason = text("If not, why not")
    seen_alone = yes_no("Was the child seen alone?")
    not_seen_alone_reason = text("If the child was seen but not alone, why not")
    child_words = text("What the child said, in their words", "Their views, wishes and feelings as they put "
                             "them; for a baby, what you saw of their experience")
    observations = text("What you saw and did", "The home, the people there, and what you did")
    late_reason = text("If the visit is late, why", "Needed when the visit is after its due date")
