from lantern.parts import PartConfig


class ReturnsConfig(PartConfig):
    name = "lantern.returns"
    label = "returns"
    verbose_name = "Statutory returns and performance"
    order = 80
    task_modules = ('annex_a.services', 'cin_census.services', 'partnership.services')
