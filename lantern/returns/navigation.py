"""This app's entries in the service navigation (lantern/web/navigation.py merges them), part by part."""

from importlib import import_module

from .parts import PARTS

NAV: tuple = tuple(item for part in PARTS for item in import_module(f"lantern.returns.{part}.navigation").NAV)
