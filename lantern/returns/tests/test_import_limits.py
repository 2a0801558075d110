"""A census upload is parsed from the file a chunk at a time, never read whole; a file in an encoding
that cannot be read fails its task with a clear message (its import had stayed "checking" for ever);
an upload over the cap is refused from its size before it is read."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from lantern.accounts.roles import Role
from lantern.returns.cin_census import reader
from lantern.returns.cin_census.services import census_import_start
from lantern.returns.cin_census.services import imports as import_services
from lantern.returns.models import CensusImport
from lantern.tasks.models import BackgroundTask

pytestmark = pytest.mark.django_db
HEAD = b'<?xml version="1.0" encoding="%s"?><Message><Header></Header></Message>'


@pytest.fixture
def analyst(make_user):
    return make_user(Role.PERFORMANCE_ANALYST)


@pytest.mark.parametrize("encoding", [b"made-up-encoding", b"big5", b"utf-7"])
def test_a_file_in_an_encoding_that_cannot_be_read_fails_the_task_with_a_clear_message(analyst, encoding):
    record = census_import_start(actor=analyst, upload=ContentFile(HEAD % encoding, name="x.xml"),
                                 filename="x.xml")
    record.refresh_from_db()
    assert record.status == CensusImport.Status.REFUSED
    assert "UTF-8" in record.problems[0]["message"] and encoding.decode() in record.problems[0]["message"]
    assert record.task.status == BackgroundTask.Status.FAILED and "UTF-8" in record.task.message


def test_a_file_whose_bytes_do_not_match_its_encoding_is_refused_naming_the_line(analyst):
    data = '<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n<Header>é</Header></Message>'.encode("latin-1")
    record = census_import_start(actor=analyst, upload=ContentFile(data, name="x.xml"), filename="x.xml")
    record.refresh_from_db()
    assert record.status == CensusImport.Status.REFUSED and record.problems[-1]["line"] == 3


class _Chunked(io.BytesIO):
    """A file that refuses to be read whole."""

    def read(self, size=-1):
        assert size is not None and 0 < size <= reader.CHUNK, "the census file was read whole"
        return super().read(size)


def test_the_census_is_parsed_from_the_file_a_chunk_at_a_time():
    data = b'<?xml version="1.0" encoding="UTF-8"?><Message>' + b" " * (3 * reader.CHUNK) + b"</Message>"
    result = reader.read_census(_Chunked(data))
    assert any("Header" in p.message for p in result.problems)


def test_an_upload_over_the_cap_is_refused_from_its_size_before_it_is_read(client, analyst, monkeypatch):
    monkeypatch.setattr(import_services, "MAX_BYTES", 1024)
    client.force_login(analyst)
    upload = SimpleUploadedFile("big.xml", b"<Message>" + b" " * 4096 + b"</Message>", content_type="text/xml")
    html = client.post("/returns/cin-census/import/", {"file": upload}).content.decode()
    assert "smaller than 1 KB" in html and not CensusImport.objects.exists()


def test_an_import_whose_process_died_offers_try_again_which_imports_the_same_file(client, analyst):
    from datetime import timedelta

    from django.utils import timezone

    from lantern.tasks import runner

    data = HEAD % b"UTF-8"
    real = runner._launch
    runner._launch = lambda task: task  # the process "dies" before the work starts
    try:
        record = census_import_start(actor=analyst, upload=ContentFile(data, name="x.xml"), filename="x.xml")
    finally:
        runner._launch = real
    BackgroundTask.objects.filter(pk=record.task_id).update(created_at=timezone.now() - timedelta(hours=1))
    client.force_login(analyst)
    page = client.get(f"/returns/cin-census/imports/{record.pk}/").content.decode()
    assert "Stopped unexpectedly" in page and "Try again" in page
    assert client.post(f"/tasks/{record.task_id}/retry/").status_code == 302
    record.refresh_from_db()
    assert record.status == CensusImport.Status.REFUSED and record.task.attempts == 2  # read this time: refused
    assert any("CollectionDetails" in p["message"] for p in record.problems)
