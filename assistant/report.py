"""Renderings of a review: the stable JSON object of the CLI, Markdown, and a rich table."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.table import Table

from assistant.models import Finding, ReviewResult, Status

STATUS_STYLE = {
    Status.present: "green",
    Status.weak: "yellow",
    Status.missing: "red",
    Status.unclear: "magenta",
}


def review_json(result: ReviewResult) -> dict[str, Any]:
    """The CLI's JSON interface (keep stable): documents, playbook, one finding per requirement."""
    out: dict[str, Any] = {
        "documents": [
            {"filename": d.filename, "sha256": d.sha256, "kind": d.kind.value, "pages": d.pages}
            for d in result.documents
        ],
        "playbook": {"id": result.playbook.id, "version": result.playbook.version},
        "findings": [finding_json(f) for f in result.findings],
    }
    if result.usage.calls or result.usage.failures:
        out["usage"] = result.usage.model_dump(mode="json")
    return out


def finding_json(f: Finding) -> dict[str, Any]:
    return {
        "requirement": f.requirement,
        "status": f.status.value,
        "severity": f.severity.value,
        "params": f.params,
        "evidence": [
            {"filename": e.filename, "page": e.page, "start": e.start, "end": e.end, "quote": e.quote}
            for e in f.evidence
        ],
        "reason": f.reason,
        "source": f.source,
    }


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell (one line, pipes escaped)."""
    return " ".join(text.split()).replace("|", "\\|")


def _params(f: Finding) -> str:
    return ", ".join(f"{k}={v}" for k, v in f.params.items() if v is not None)


def review_markdown(result: ReviewResult) -> str:
    """A Markdown report for legal: summary counts, then one section per finding with its quotes."""
    counts = {s: sum(1 for f in result.findings if f.status == s) for s in Status}
    docs = ", ".join(f"{d.filename} ({d.kind.value}, {d.pages} p.)" for d in result.documents)
    lines = [
        f"# Contract review: {docs}",
        "",
        f"Playbook `{result.playbook.id}` v{result.playbook.version}. "
        + ", ".join(f"{n} {s.value}" for s, n in counts.items() if n),
        "",
        "| Requirement | Status | Severity | Parameters | Evidence |",
        "|---|---|---|---|---|",
    ]
    for f in result.findings:
        ev = "; ".join(f"{e.filename} p.{e.page}" for e in f.evidence) or "-"
        cells = [
            _cell(f.title or f.requirement),
            f"**{f.status.value}**",
            f.severity.value,
            _cell(_params(f)),
        ]
        lines.append("| " + " | ".join([*cells, _cell(ev)]) + " |")
    for f in result.findings:
        lines += ["", f"## {f.title or f.requirement}: {f.status.value}", "", f.reason]
        for e in f.evidence:
            lines += ["", f"> {_short(e.quote, 600)}", f"> \u2014 {e.filename}, page {e.page}"]
    return "\n".join(lines) + "\n"


def review_table(result: ReviewResult) -> Table:
    """A readable terminal table of the findings."""
    table = Table(
        title=f"Review against playbook {result.playbook.id} v{result.playbook.version}", show_lines=True
    )
    table.add_column("Requirement", style="bold")
    table.add_column("Status")
    table.add_column("Params")
    table.add_column("Evidence / reason", overflow="fold")
    for f in result.findings:
        style = STATUS_STYLE[f.status]
        ev = f.evidence[0] if f.evidence else None
        # NOTE: contract text is data, not rich markup: "[insert date]" or "[/b]" must print verbatim.
        where = (
            f"[dim]{escape(ev.filename)} p.{ev.page}:[/dim] \u201c{escape(_short(ev.quote))}\u201d\n"
            if ev
            else ""
        )
        table.add_row(
            escape(f.requirement),
            f"[{style}]{f.status.value}[/{style}]",
            escape(_params(f)),
            f"{where}[italic]{escape(_short(f.reason, 200))}",
        )
    return table
