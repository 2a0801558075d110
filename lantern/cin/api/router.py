from ninja import Router

router = Router(tags=["Child in need plans, reviews and closure"])
