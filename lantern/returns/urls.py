from importlib import import_module

from .parts import PARTS

app_name = "returns"

urlpatterns = [pattern for part in PARTS for pattern in import_module(f"lantern.returns.{part}.urls").urlpatterns]
