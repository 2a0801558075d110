"""The statutory returns and performance pages come in parts, each a sub-package with the same
shape as a feature app (permissions.py, urls.py, navigation.py, api.py, and its rows of the
permission matrix in tests/matrix_<part>.py). This app's own tables gather them from this list, so
one part never edits another's files."""

PARTS = ("cin_census", "annex_a", "performance", "partnership")
