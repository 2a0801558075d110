"""Reading the compendium and making, following and downloading its PDF: each checks the access
policy and writes its audit row in the same transaction."""

from .compendium import VIEW_PERMISSION, compendium_read
from .pdfs import (
    EXPORT_PERMISSION,
    compendium_pdf_download,
    compendium_pdf_for,
    compendium_pdf_query,
    compendium_pdf_start,
    compendium_pdfs,
    period_of,
)

__all__ = ["EXPORT_PERMISSION", "VIEW_PERMISSION", "compendium_pdf_download", "compendium_pdf_for",
           "compendium_pdf_query", "compendium_pdf_start", "compendium_pdfs", "compendium_read", "period_of"]
