from lantern.parts import PartConfig


class AssessmentsConfig(PartConfig):
    name = "lantern.assessments"
    label = "assessments"
    verbose_name = "Child and family assessments"
    order = 30
