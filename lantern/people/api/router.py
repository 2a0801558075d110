from ninja import Router

router = Router(tags=["Children and families"])
