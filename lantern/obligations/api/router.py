from ninja import Router

router = Router(tags=["Statutory clock"])
