from ninja import Router

router = Router(tags=["Child and family assessments"])
