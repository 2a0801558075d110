from ninja import Router

router = Router(tags=["Child protection: strategy discussions, enquiries, conferences and plans"])
