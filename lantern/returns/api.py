from ninja import Router

router = Router(tags=["Statutory returns and performance"])
