"""``manage.py start_part`` lays out a part that Lantern finds and that the permission matrix covers."""

import ast
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def test_a_new_part_has_every_piece_and_its_matrix_rows(tmp_path):
    call_command("start_part", "early_help", "--title", "Early help", "--directory", str(tmp_path),
                 stdout=StringIO())
    part = tmp_path / "early_help"
    for path in ("apps.py", "permissions.py", "navigation.py", "urls.py", "views.py", "services.py", "selectors.py",
                 "api.py", "models.py", "synthetic/__init__.py", "tests/matrix.py", "tests/test_early_help.py",
                 "templates/early_help/child.html", "migrations/__init__.py"):
        assert (part / path).is_file(), path
    for source in part.rglob("*.py"):
        ast.parse(source.read_text(), filename=str(source))  # every file is Python that compiles
    apps = (part / "apps.py").read_text()
    assert "class EarlyHelpConfig(PartConfig)" in apps and 'name = "lantern.early_help"' in apps
    matrix = (part / "tests/matrix.py").read_text()
    assert '"early_help:child_early_help": ("/children/{child}/early-help/", RECORD_READERS)' in matrix
    assert 'name="child_early_help"' in (part / "urls.py").read_text()
    assert '"early_help.view": RECORD_READERS' in (part / "permissions.py").read_text()


def test_a_taken_name_or_place_is_refused(tmp_path):
    with pytest.raises(CommandError, match="not a lower-case Python identifier"):
        call_command("start_part", "Early-Help", "--directory", str(tmp_path))
    with pytest.raises(CommandError, match="is taken"):
        call_command("start_part", "early_help", "--order", "40", "--directory", str(tmp_path))
    (tmp_path / "early_help").mkdir()
    with pytest.raises(CommandError, match="already exists"):
        call_command("start_part", "early_help", "--directory", str(tmp_path))
