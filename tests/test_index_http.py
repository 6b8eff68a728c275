"""The index against a real Chroma server (`chroma run`, shipped with chromadb) over HTTP on loopback:
what `CLAUSEGATE_INDEX__CHROMA_HOST` selects."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import chromadb
import httpx
import pytest
from test_index import DPA, MSA

from assistant.index import ClauseIndex, make_client
from assistant.settings import IndexSettings, Settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _chroma_binary() -> str | None:
    local = Path(sys.executable).with_name("chroma")
    return str(local) if local.exists() else shutil.which("chroma")


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    binary = _chroma_binary()
    if binary is None:
        pytest.fail("the `chroma` command of the chromadb package is not installed")
    port = _free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen(
        [binary, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.fail("chroma server did not start within 60 s")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_http_client_indexes_and_searches(
    chroma_server: int, settings: Settings, fake_embedder, make_doc
) -> None:  # type: ignore[no-untyped-def]
    http_settings = settings.model_copy(
        update={"index": IndexSettings(chroma_host="127.0.0.1", chroma_port=chroma_server)}
    )
    assert make_client(http_settings).heartbeat() > 0
    index = ClauseIndex(http_settings, fake_embedder)
    msa, _ = make_doc("msa.txt", MSA)
    dpa, _ = make_doc("dpa.txt", DPA, kind="dpa")
    assert index.add_document(msa) == 3
    assert index.add_document(dpa) == 2
    hit = index.search("notify the controller of a personal data breach", k=1)[0]
    assert hit.clause_id == dpa.clauses[0].id and hit.filename == "dpa.txt"
    # the vectors live on the server (seen by an independent client), not in a local index
    server = chromadb.HttpClient(host="127.0.0.1", port=chroma_server)
    assert sum(c.count() for c in server.list_collections()) == 5
    assert not settings.chroma_path().exists()
