"""The compendium as an A4 PDF, drawn with reportlab from the same sections as the page."""

from .writer import write_compendium_pdf

__all__ = ["write_compendium_pdf"]
