"""The `generic` extractor: driven by playbook data only, so a customer can add a requirement in YAML.

It reads from the requirement:
- `cues`: regexes; a sentence matching any cue (not negated, not a bare definition) grants it;
- `parameters`: durations read from the granting sentences, converted to the parameter's unit
  (days, hours, months) or a percentage (unit `percent`);
- `weak_if`: threshold rules on those parameters;
- `options` (all optional): `actor` ("vendor", "customer" or "any", default "any"): who must act;
  `require` (list of regexes): elements that must all appear somewhere, else weak;
  `weak_cues` (mapping reason -> regex): wording that makes the clause weak;
  `notice_only` (bool): read durations only when they are notice periods.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.errors import PlaybookError
from assistant.models import Finding
from assistant.playbook import ParameterSpec, Requirement
from extractors.base import ReviewContext, register
from extractors.rules import Hit, decide, notice_durations, ok, scan, to_finding, weak_signals
from extractors.text import find_durations

_ACTORS: dict[str, tuple[Any, ...] | None] = {
    "vendor": ("vendor", "both", None),
    "customer": ("customer", "both", None),
    "any": None,
}


def _compile(req: Requirement, pattern: str, what: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.I)
    except re.error as exc:
        raise PlaybookError(
            f"requirement {req.id!r}: {what} {pattern!r} is not a valid regular expression ({exc}). Fix the playbook."
        ) from exc


def _param_value(spec: ParameterSpec, hits: list[Hit], notice_only: bool) -> int | None:
    """First value of `spec` in the granting sentences, in the parameter's unit."""
    for hit in hits:
        text = hit.sentence.text
        if spec.unit == "percent":
            m = re.search(r"(\d{1,3}(?:\.\d+)?)\s*(?:%|percent)", text, re.I)
            if m:
                return int(float(m.group(1)))
            continue
        durations = notice_durations(text) if notice_only else find_durations(text)
        if durations and spec.unit in {"days", "hours", "months"}:
            return int(getattr(durations[0], spec.unit)())
    return None


@register("generic")
def generic(req: Requirement, ctx: ReviewContext) -> Finding:
    """Cue-driven decision for any requirement without a dedicated extractor."""
    if not req.cues:
        raise PlaybookError(f"requirement {req.id!r} uses the generic extractor but has no cues. Add 'cues'.")
    opts = req.options
    actor = str(opts.get("actor", "any"))
    if actor not in _ACTORS:
        raise PlaybookError(
            f"requirement {req.id!r}: options.actor {actor!r} must be vendor, customer or any."
        )
    pattern = _compile(req, "|".join(f"(?:{c})" for c in req.cues), "cue")
    hits = scan(ctx, "cue", pattern, actors=_ACTORS[actor])
    granted = ok(hits)
    params = {p.name: _param_value(p, granted, bool(opts.get("notice_only"))) for p in req.parameters}
    weak_cues = {
        str(k): _compile(req, str(v), "weak cue") for k, v in dict(opts.get("weak_cues", {})).items()
    }
    weak, extra = weak_signals(granted, weak_cues)
    for needed in opts.get("require", []):
        rx = _compile(req, str(needed), "required element")
        if granted and not any(rx.search(h.sentence.text) for h in granted):
            weak.append(f"no wording matching {needed!r}")
    where = granted[0].sentence.where if granted else ""
    out = decide(
        req,
        granted[:3] + extra,
        present_reason=f"{req.title or req.id} is addressed ({where}).",
        weak=weak,
        params=params,
        rejected=[h for h in hits if not h.ok],
        ctx=ctx,
        missing_reason=f"No clause addresses {req.title or req.id}.",
    )
    return to_finding(req, out)
