"""File plumbing shared by API routes and pages: bounded upload reads, safe download headers."""

from __future__ import annotations

import re
from urllib.parse import quote

from fastapi import UploadFile
from fastapi.responses import Response

from api.operations import Upload
from api.services import Services

_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


async def read_uploads(services: Services, files: list[UploadFile]) -> list[Upload]:
    """Read each upload, never more than the size limit + 1 byte (so an oversized file is refused without
    being held in memory whole)."""
    limit = services.settings.ingest.max_bytes + 1
    return [Upload(f.filename or "upload", await f.read(limit)) for f in files if f.filename]


def attachment(data: bytes, media_type: str, filename: str) -> Response:
    """A download response; the file name is reduced to safe characters (RFC 6266 UTF-8 form kept)."""
    ascii_name = _UNSAFE.sub("_", filename).strip() or "download"
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"
    return Response(data, media_type=media_type, headers={"Content-Disposition": disposition})
