from lantern.parts import PartConfig


class FrontdoorConfig(PartConfig):
    name = "lantern.frontdoor"
    label = "frontdoor"
    verbose_name = "Front door: contacts, referral form, decisions and notifications"
    order = 10
    task_modules = ('services.notifications',)
