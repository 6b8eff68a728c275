"""View helpers for the pages: document text split into highlighted segments, dashboard rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.models import Document, Finding, Status


@dataclass
class Segment:
    """A run of document text; `marks` are the requirements whose evidence covers it."""

    text: str
    start: int
    marks: list[str] = field(default_factory=list)
    status: str = ""
    anchors: list[str] = field(default_factory=list)


@dataclass
class PageView:
    number: int
    segments: list[Segment]


_RANK = {Status.missing: 0, Status.weak: 1, Status.unclear: 2, Status.present: 3}


def highlighted_pages(doc: Document, findings: list[Finding]) -> list[PageView]:
    """Each page's text cut at every evidence boundary, so the template can wrap quotes in <mark>."""
    spans = [
        (ev.start, ev.end, f)
        for f in findings
        for ev in f.evidence
        if ev.document_id == doc.id and 0 <= ev.start < ev.end <= len(doc.text)
    ]
    cuts = {s for s, _, _ in spans} | {e for _, e, _ in spans}
    pages = []
    for page in doc.pages:
        bounds = sorted({page.start, page.end} | {c for c in cuts if page.start < c < page.end})
        segments = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            covering = [f for s, e, f in spans if s <= a and b <= e]
            worst = min(covering, key=lambda f: _RANK[f.status]).status.value if covering else ""
            anchors = [f"ev-{f.requirement}-{a}" for s, _, f in spans if s == a]
            segments.append(Segment(doc.text[a:b], a, [f.requirement for f in covering], worst, anchors))
        pages.append(PageView(page.number, segments))
    return pages
