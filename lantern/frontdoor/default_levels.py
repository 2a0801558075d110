"""A starting threshold framework (four levels) that the authority then edits to match the one its
safeguarding partnership agreed. Examples are typical, not any real partnership's wording. Plain data:
the data migration and the tests both read it."""

LEVELS = [
    ("Universal", 1,
     "The child's needs are met by universal services (school, GP, health visitor). No extra help is needed "
     "from children's services.",
     "Child is healthy, attending school and making progress\nA one-off worry that the family has already "
     "sorted out with the school",
     ["nfa", "advice", "transfer"]),
    ("Early help", 2,
     "The child or family has additional needs that one or more agencies can meet together, with the family's "
     "agreement, through an early help assessment and a team around the family.",
     "Attendance is falling and the parent asks for help with routines\nA parent struggles with a child's "
     "behaviour and wants parenting support\nHousing problems are putting the family under stress",
     ["early_help", "advice", "nfa", "transfer"]),
    ("Child in need", 3,
     "The child is unlikely to reach a reasonable standard of health or development without services from "
     "children's social care (Children Act 1989 section 17). A social work assessment is needed.",
     "Persistent neglect of the child's basic care despite early help\nA parent's mental health, drug or "
     "alcohol use is affecting the care of the child\nDomestic abuse in the household where children live\n"
     "A disabled child whose family cannot meet their needs",
     ["referral", "existing", "transfer"]),
    ("Child protection", 4,
     "There is reasonable cause to suspect the child is suffering, or is likely to suffer, significant harm "
     "(section 47). A strategy discussion is needed now.",
     "A child has an injury that may be non-accidental\nA child says they have been sexually abused\nHigh-risk "
     "domestic abuse with children present\nA baby is left unsupervised or exposed to serious danger",
     ["strategy", "referral", "existing", "transfer"]),
]


def ensure_default_levels(model=None) -> None:
    """Create the four levels if the authority has none (a fresh database, or a test that emptied it)."""
    if model is None:
        from .models import ThresholdLevel as model
    if model.objects.exists():
        return
    for name, order, descriptor, examples, outcomes in LEVELS:
        model.objects.create(name=name, order=order, descriptor=descriptor, examples=examples,
                             allowed_outcomes=outcomes)
