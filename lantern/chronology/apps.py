from lantern.parts import PartConfig


class ChronologyConfig(PartConfig):
    name = "lantern.chronology"
    label = "chronology"
    verbose_name = "The child's chronology"
    order = 70
