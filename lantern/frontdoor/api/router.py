from ninja import Router

router = Router(tags=["Front door: contacts, referral form, decisions and notifications"])
