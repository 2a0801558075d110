from ninja import Router

router = Router(tags=["Child in need episodes"])
