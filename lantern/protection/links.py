"""Where each record's page is: used by the obligations, the chronology and the panels (one place,
so a moved page moves everywhere)."""


def strategy_link(d) -> str:
    return f"/children/{d.child_id}/protection/strategy/{d.pk}/"


def enquiry_link(e) -> str:
    return f"/children/{e.child_id}/protection/enquiries/{e.pk}/"


def conference_link(c) -> str:
    return f"/children/{c.child_id}/protection/conferences/{c.pk}/"


def plan_link(p) -> str:
    return f"/children/{p.child_id}/protection/plans/{p.pk}/"
