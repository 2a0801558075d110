"""The returns' panel on the child's summary: what the CIN census will say of the record."""

from .cin_census.panels import CENSUS_PANEL

CHILD_PANELS = (CENSUS_PANEL,)
