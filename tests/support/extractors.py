"""Running one default-playbook requirement over short contract texts written in a test."""

from __future__ import annotations

from typing import Any

from assistant.ingest import parse_bytes
from assistant.models import Document, Finding, Status
from assistant.playbook import load_playbook
from extractors.base import ReviewContext, get_extractor
from extractors.parties import family_roles

PB = load_playbook("default")
P, W, M, U = Status.present, Status.weak, Status.missing, Status.unclear


def review(
    rid: str, text: str | dict[str, str], *, whole: bool = False, filename: str = "c.txt"
) -> tuple[Finding, list[Document]]:
    """Run requirement `rid` over `text`: one numbered clause of one document; the text as a whole document
    (`whole`, or an HTML `filename`); or, for a dict {filename: text}, a family of whole documents."""
    if isinstance(text, dict):
        texts = text
    elif whole or filename.endswith(".html"):
        texts = {filename: text}
    else:
        texts = {filename: f"1. General\n1.1 {text}\n"}
    docs = [parse_bytes(body.encode(), name) for name, body in texts.items()]
    return get_extractor(rid)(PB.requirement(rid), ReviewContext(documents=docs)), docs


def check(
    rid: str, status: Status, text: str | dict[str, str], params: dict[str, Any] | None = None, **kw: Any
) -> Finding:
    """The finding has `status` and `params`, and every quote is verbatim text of its document."""
    finding, docs = review(rid, text, **kw)
    assert finding.status == status, finding.reason
    for name, value in (params or {}).items():
        assert finding.params.get(name) == value, (name, finding.params, finding.reason)
    by_id = {d.id: d for d in docs}
    for e in finding.evidence:
        assert by_id[e.document_id].text[e.start : e.end] == e.quote
    return finding


def party_patterns(text: str, name: str = "contract.md") -> tuple[str, str]:
    """The (vendor, customer) name patterns learned from one document written in a test."""
    roles = family_roles([parse_bytes(text.encode(), name)])
    return roles.vendor.pattern, roles.customer.pattern
