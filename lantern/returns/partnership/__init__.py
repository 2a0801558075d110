"""The safeguarding partnership's data compendium: multi-agency indicators, live, as a page, JSON
and a PDF for the board (see README.md)."""
