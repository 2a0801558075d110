from importlib import import_module

from ninja import Router

from .parts import PARTS

router = Router(tags=["Statutory returns and performance"])
for _part in PARTS:
    router.add_router("/", import_module(f"lantern.returns.{_part}.api").router)
