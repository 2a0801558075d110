"""Invented wording for synthetic contacts: short, plausible, about nobody."""

CONCERNS = {
    "N1": ("Bruising to the upper arm seen at school; the child said an adult grabbed them.",
           "Neighbour reports shouting and a child crying late at night, several nights this week.",
           "The child disclosed being hit with a belt at home.",
           "Young children left alone in the house overnight, according to a neighbour."),
    "N2": ("A disabled child whose carer says they can no longer manage their care at home.",),
    "N3": ("A parent's mental health has deteriorated and they are struggling to care for the baby.",),
    "N4": ("The family has been evicted and is sofa-surfing with three children.",
           "Parent in crisis after a bereavement; children missing school."),
    "N5": ("Parents' relationship is breaking down with frequent arguments in front of the children.",),
    "N6": ("Teenager repeatedly missing from home overnight and seen with older adults.",),
    "N7": ("No food in the house; the children arrive at school hungry.",),
    "N8": ("The child is living with an elderly relative after the parents left the area.",),
    "other": ("Attendance has fallen to 70% and the parent has asked for help with routines.",
              "Health visitor concerned about the home conditions and the baby's weight.",
              "A parent asked for advice about a teenager's behaviour.",
              "Anonymous caller worried about a child who looks unkempt.",
              "GP reports a parent's alcohol use is increasing."),
}
NOT_DISCUSSED = (("risk", 50), ("unreachable", 25), ("agency_declined", 15), ("other", 10))
SCREENER_SOURCES = (("2A", 20), ("6", 14), ("1A", 9), ("3A", 5), ("3B", 4), ("3F", 5), ("5A", 5), ("5B", 4),
                    ("4", 3), ("1B", 3), ("1C", 2), ("1D", 2), ("2B", 3), ("3E", 3), ("3C", 2), ("3D", 2),
                    ("5C", 3), ("5D", 2), ("7", 3), ("8", 4), ("9", 1), ("10", 1))
ROLES = ("Class teacher", "Designated safeguarding lead", "Health visitor", "School nurse", "GP", "Neighbour",
         "Grandparent", "Housing officer", "Youth worker")
REFERRER_NAMES = ("A. Patel", "J. Morgan", "S. Khan", "L. Evans", "M. Okoro", "R. Walsh", "T. Nowak", "D. Hughes")
LATE_REASONS = ("Waiting for the police check to come back.", "High volume of contacts on the day.",
                "Could not reach the referrer to clarify the concern.", "Waiting for the health check.")
RATIONALES = {
    "nfa": "Universal services are meeting the child's needs; no role for children's services.",
    "advice": "Advice given to the referrer on supporting the family; no further role.",
    "early_help": "Additional needs that a team around the family can meet with the family's consent.",
    "transfer": "The family lives in another authority's area.",
    "referral": "The child's needs need a social work assessment to understand.",
    "strategy": "Reasonable cause to suspect significant harm: a strategy discussion is needed now.",
    "existing": "The child has an open episode; the allocated worker has the information.",
}
