"""The kinds of record this part names in the audit trail (lantern/audit_log/types.py)."""

from lantern.audit_log.types import object_type

ANNEX_A = object_type("annex_a", "Ofsted Annex A")
ANNEX_A_DOWNLOAD = object_type("annex_a_download", "Ofsted Annex A workbook download")
ANNEX_A_EXPORT = object_type("annex_a_export", "Ofsted Annex A workbook")
CIN_CENSUS = object_type("cin_census", "CIN census")
CIN_CENSUS_DOWNLOAD = object_type("cin_census_download", "CIN census file download")
CIN_CENSUS_EXPORT = object_type("cin_census_export", "CIN census export")
CIN_CENSUS_FINDINGS = object_type("cin_census_findings", "CIN census rule findings")
CIN_CENSUS_IMPORT = object_type("cin_census_import", "CIN census import")
CIN_CENSUS_ISSUES = object_type("cin_census_issues", "CIN census warnings on a child")
CIN_CENSUS_VALIDATION = object_type("cin_census_validation", "CIN census check")
DAILY_COUNTS = object_type("daily_counts", "daily counts")
PARTNERSHIP_COMPENDIUM = object_type("partnership_compendium", "partnership data compendium")
PARTNERSHIP_COMPENDIUM_DOWNLOAD = object_type("partnership_compendium_download", "partnership compendium PDF download")
PARTNERSHIP_COMPENDIUM_PDF = object_type("partnership_compendium_pdf", "partnership compendium PDF")
PERFORMANCE_CHILDREN = object_type("performance_children", "performance measure's children")
PERFORMANCE_DASHBOARD = object_type("performance_dashboard", "performance dashboard")
