"""Uploaded files a background task works from. The upload is refused from its declared size before
it is read, streamed to storage a chunk at a time (so the request never holds it in memory), and
kept until its task has finished, so a task that died can be tried again with the same file."""

import io
import uuid
from collections.abc import Iterator

from django.conf import settings
from django.core.files.storage import FileSystemStorage

# Form fields and multipart boundaries around the file itself.
ENVELOPE = 64 * 1024


def _storage() -> FileSystemStorage:
    return FileSystemStorage(location=settings.LANTERN_UPLOAD_DIR)


def size_label(size: int) -> str:
    return f"{size // (1024 * 1024)} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} KB"


def too_large_message(max_bytes: int) -> str:
    return f"The file must be smaller than {size_label(max_bytes)}"


def request_too_large(request, max_bytes: int) -> bool:
    """Whether the request declares a body bigger than the file allowed plus its form: checked
    before request.POST or request.FILES are touched, so such a body is never read."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return declared > max_bytes + ENVELOPE


def too_large_form(form_class, max_bytes: int, field: str = "file"):
    """The upload form, bound to nothing but showing the size refusal (in its error summary too)."""
    form = form_class(data={}, files={})
    form.errors[field] = form.error_class([too_large_message(max_bytes)])
    return form


def keep_upload(upload, *, folder: str) -> str:
    """Store ``upload`` (any Django File) and return the name to open it by."""
    return _storage().save(f"{folder}/{uuid.uuid4().hex}.upload", upload)


def open_upload(name: str):
    return _storage().open(name, "rb")


def discard_upload(name: str) -> None:
    _storage().delete(name)


class ChunkStream(io.RawIOBase):
    """A file's chunks as a readable binary stream, so text and XML readers pull from the file as
    they go instead of from one bytes object."""

    def __init__(self, chunks: Iterator[bytes]):
        self._chunks, self._left = chunks, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._left:
            try:
                self._left = next(self._chunks)
            except StopIteration:
                return 0
        n = min(len(buffer), len(self._left))
        buffer[:n], self._left = self._left[:n], self._left[n:]
        return n


def stream_of(upload, chunk_size: int = 64 * 1024) -> io.BufferedReader:
    return io.BufferedReader(ChunkStream(iter(upload.chunks(chunk_size))), buffer_size=chunk_size)
