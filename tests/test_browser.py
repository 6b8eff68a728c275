"""Browser journey in a real Chromium (Playwright driving the system chromium, headless) against a uvicorn
server on a random local port: upload -> review -> legal decision -> memo and gate decision.
Screenshots are saved under tests/artifacts/browser/."""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fpdf import FPDF

from api.app import create_app
from tests.support.db import MSA_TEXT, api_settings

pytestmark = pytest.mark.slow
ARTIFACTS = Path(__file__).parent / "artifacts" / "browser"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _pdf(text: str) -> bytes:
    """A two-page PDF with a real text layer."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    paragraphs = text.strip().split("\n\n")
    half = len(paragraphs) // 2
    for chunk in (paragraphs[:half], paragraphs[half:]):
        pdf.add_page()
        for para in chunk:
            pdf.multi_cell(0, 6, para.replace("\u2019", "'"))
            pdf.ln(3)
    return bytes(pdf.output())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    """(base url, app) of a uvicorn server running in a thread."""
    # NOTE: Secure cookies as in production; Chromium keeps them on http://127.0.0.1 (a trustworthy origin)
    app = create_app(api_settings(tmp_path / "data", cookie_secure=True))
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", app
    srv.should_exit = True
    thread.join(timeout=30)


@pytest.fixture
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("chromium is not installed: `apt-get install -y chromium` (the CI script does it)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _login(page: Any, base: str, token: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#token", token)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def _logout(page: Any) -> None:
    page.click("form.logout button")
    page.wait_for_url(re.compile(r".*/login$"))


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_upload_review_decision_memo_journey(server: tuple[str, Any], browser: Any, tmp_path: Path) -> None:
    base, app = server
    users = app.state.services.users
    tokens = {r: users.create_user(f"{r}-user", r)[1] for r in ("procurement", "legal", "cfo")}
    msa = tmp_path / "acme-msa.pdf"
    msa.write_bytes(_pdf(MSA_TEXT))
    bad = tmp_path / "notes.exe"
    bad.write_bytes(b"MZ not a contract")
    page = browser.new_page(viewport={"width": 1280, "height": 900})

    # procurement: a bad file is refused on the page, then the MSA is uploaded and reviewed
    _login(page, base, tokens["procurement"])
    page.goto(f"{base}/upload")
    page.set_input_files("#files", str(bad))
    page.fill("#family", "acme")
    page.click("#upload-button")
    page.wait_for_selector("#upload-error:not([hidden])")
    assert "notes.exe" in page.inner_text("#upload-error")
    _shot(page, "01-upload-error.png")
    page.set_input_files("#files", str(msa))
    page.click("#upload-button")
    page.wait_for_url(re.compile(r".*/reviews/\w+$"), timeout=120_000)
    review_url = page.url
    assert page.locator("tr.st-missing").count() >= 1
    _shot(page, "02-review.png")

    # the document page shows the quote highlighted on its page
    page.click("text=acme-msa.pdf")
    page.wait_for_selector("mark.ev")
    assert page.locator("section.page").count() == 2
    marked = " ".join(page.locator("mark.ev").all_inner_texts())
    assert "audit" in marked.lower()
    _shot(page, "03-document.png")
    _logout(page)

    # legal: accept the first missing finding as a confirmed gap
    _login(page, base, tokens["legal"])
    page.goto(review_url)
    row = page.locator("tr.st-missing").first
    requirement = row.get_attribute("data-requirement")
    row.locator("select[name=action]").select_option("accept")
    row.locator("input[name=reason]").fill("Confirmed: the clause is absent; raise in negotiation.")
    row.locator("form.decide button").click()
    page.wait_for_selector(f"#f-{requirement} td.state[data-state=accepted]")
    _shot(page, "04-legal-decision.png")
    _logout(page)

    # the project exists (created over the API by procurement); the CFO generates the memo and decides
    import httpx

    project = {
        "name": "ap-automation",
        "vendor": "Acme Cloud",
        "stage": "discovery",
        "target_gate": "pilot",
        "families": [{"name": "acme", "documents": ["acme-msa.pdf"]}],
        "intake": {"business_problem": "Invoice matching takes 9 days.", "data_sensitivity": "confidential"},
    }
    created = httpx.post(
        f"{base}/api/v1/projects", json=project, headers={"Authorization": f"Bearer {tokens['procurement']}"}
    )
    assert created.status_code == 201, created.text
    _login(page, base, tokens["cfo"])
    assert page.locator("section[data-stage=discovery] article.project").count() == 1
    _shot(page, "05-dashboard.png")
    page.goto(f"{base}/projects/ap-automation/memo")
    page.click("#generate-memo")
    page.wait_for_selector("#memo-summary")
    assert "Recommendation" in page.inner_text("#memo-summary")
    page.fill("#decision", "Pilot approved on condition that the DPA gaps are fixed.")
    page.click("#gate-form button")
    page.wait_for_selector("#decisions-log")
    assert "approved by cfo-user" in page.inner_text("#decisions-log")
    _shot(page, "06-memo.png")
    page.goto(f"{base}/projects/ap-automation/memo.html")
    page.emulate_media(media="print")
    _shot(page, "07-memo-print.png")

    events = [e.action for e in app.state.services.audit.events()]
    for action in ("document.upload", "review.done", "finding.decision", "memo.ready", "gate.decision"):
        assert action in events
    assert app.state.services.audit.verify().ok
