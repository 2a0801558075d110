from lantern.parts import PartConfig


class CinConfig(PartConfig):
    name = "lantern.cin"
    label = "cin"
    verbose_name = "Child in need plans, reviews and closure"
    order = 40
