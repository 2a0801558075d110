from lantern.parts import PartConfig


class ReferralsConfig(PartConfig):
    name = "lantern.referrals"
    label = "referrals"
    verbose_name = "Child in need episodes"
    order = 20
