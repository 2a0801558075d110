"""This part's entries in the service navigation (lantern/web/navigation.py merges them)."""

from lantern.web.nav_item import NavItem

from .permissions import front_door_staff

NAV: tuple = (
    NavItem("Front door", "frontdoor:queue", "frontdoor.screen", "frontdoor", visible=front_door_staff),
    NavItem("Make a referral", "frontdoor:referral_start", "frontdoor.refer", "refer"),
    NavItem("My referrals", "frontdoor:referral_list", "frontdoor.refer", "my_referrals"),
    NavItem("Domestic abuse funnel", "frontdoor:funnel_report", "frontdoor.report", "frontdoor_report"),
    NavItem("Thresholds", "frontdoor:thresholds", "frontdoor.thresholds", "thresholds"),
)
NAV += (NavItem("Front door settings", "frontdoor:settings", "frontdoor.configure", "frontdoor_settings"),)
