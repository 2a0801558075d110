from lantern.parts import PartConfig


class ProtectionConfig(PartConfig):
    name = "lantern.protection"
    label = "protection"
    verbose_name = "Child protection: strategy discussions, enquiries, conferences and plans"
    order = 60
