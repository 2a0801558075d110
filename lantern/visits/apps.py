from lantern.parts import PartConfig


class VisitsConfig(PartConfig):
    name = "lantern.visits"
    label = "visits"
    verbose_name = "Statutory visits"
    order = 50
