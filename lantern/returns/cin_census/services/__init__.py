"""Writes and long-running work for the CIN census, each checking the access policy and writing its
audit row: exports, whole-authority validation, imports, and one child's findings."""

from .child import census_issues_for_child
from .exports import census_export_download, census_export_start
from .imports import census_import_start, check_census_file
from .validation import census_validation_start

__all__ = ["census_export_download", "census_export_start", "census_import_start", "census_issues_for_child",
           "census_validation_start", "check_census_file"]
