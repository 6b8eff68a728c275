"""The LLM narrative of the gate memo, through the one LLM seam (`assistant.llm`).

The model drafts only the four narrative sections, from the memo's facts (sent as JSON, without the
deterministic narrative's judgement being lost: it is sent as a draft to improve). Its reply is then
checked: every number, date and citation (file + page) it contains must be present in the facts. A
narrative that adds one is rejected, and the deterministic text is kept with a note saying why.
"""

from __future__ import annotations

import calendar
import json
import logging
import re
from datetime import date

from assistant.errors import ConfigError
from assistant.gates import GateAssessment
from assistant.llm import LLMClient, LLMFailure, reraise_unrecorded
from assistant.memo import Memo, Narrative
from assistant.prompts import load_prompt
from assistant.settings import Settings

log = logging.getLogger(__name__)

_MON = "|".join(calendar.month_name[1:])
_DATES = re.compile(
    rf"\b(\d{{4}}-\d{{2}}-\d{{2}})\b|\b(\d{{1,2}})\s+({_MON})\s+(\d{{4}})\b|\b({_MON})\s+(\d{{1,2}}),?\s+(\d{{4}})\b",
    re.IGNORECASE,
)
_CITE = re.compile(r"([\w.-]+\.(?:pdf|docx|txt|md|html?))\s*,?\s*(?:p\.|page|pp\.)\s*(\d+)", re.IGNORECASE)
_FILE = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:pdf|docx|txt|md|html?)\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def facts_json(memo: Memo, assessment: GateAssessment) -> str:
    """The facts the model may use: the memo without its narrative, plus the assessed items."""
    facts = memo.model_dump(mode="json", exclude={"narrative", "narrative_source", "narrative_note"})
    facts["items"] = [
        {"title": i.title, "group": i.group, "status": i.status, "blocking": i.blocking, "detail": i.detail}
        for i in assessment.items
    ]
    return json.dumps(facts, ensure_ascii=False, indent=1)


def _norm_number(token: str) -> str:
    value = token.replace(",", "")
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    return value


def _iso(m: re.Match[str]) -> str | None:
    months = {n.lower(): i for i, n in enumerate(calendar.month_name) if n}
    try:
        if m.group(1):
            return m.group(1)
        if m.group(2):
            return date(int(m.group(4)), months[m.group(3).lower()], int(m.group(2))).isoformat()
        return date(int(m.group(7)), months[m.group(5).lower()], int(m.group(6))).isoformat()
    except ValueError:
        return None


def _inventory(text: str) -> tuple[set[str], set[str], set[tuple[str, int]], set[str]]:
    """(numbers, ISO dates, (file, page) citations, file names) found in `text`."""
    dates = {d for m in _DATES.finditer(text) if (d := _iso(m))}
    rest = _DATES.sub(" ", text)
    cites = {(f.lower(), int(p)) for f, p in _CITE.findall(rest)}
    files = {f.lower() for f in _FILE.findall(rest)}
    numbers = {_norm_number(n) for n in _NUMBER.findall(_FILE.sub(" ", rest))}
    return numbers, dates, cites, files


def check_narrative(narrative: Narrative, memo: Memo, assessment: GateAssessment) -> list[str]:
    """Facts in `narrative` that the memo does not contain (empty list = the narrative may be used)."""
    allowed_text = facts_json(memo, assessment) + "\n" + memo.narrative.model_dump_json()
    numbers, dates, _, files = _inventory(allowed_text)
    pages = {(q.filename.lower(), q.page) for g in memo.gaps for q in g.quotes}
    pages |= {(e.filename.lower(), e.page) for r in assessment.renewals for e in r.quotes}
    problems: list[str] = []
    for section, text in narrative.model_dump().items():
        n, d, c, f = _inventory(text)
        problems += [f"{section}: date {x} is not in the assessment" for x in sorted(d - dates)]
        problems += [
            f"{section}: citation {x[0]} p. {x[1]} is not in the assessment" for x in sorted(c - pages)
        ]
        problems += [f"{section}: file {x!r} is not in the assessment" for x in sorted(f - files)]
        problems += [f"{section}: figure {x} is not in the assessment" for x in sorted(n - numbers)]
    return problems


def narrate_with_llm(
    memo: Memo,
    assessment: GateAssessment,
    settings: Settings,
    *,
    required: bool = False,
    client: LLMClient | None = None,
) -> Memo:
    """`memo` with an LLM-drafted narrative when a model is configured and its draft passes the fact
    check; otherwise `memo` unchanged (with a note when the model failed or was rejected).

    `required=True` makes a missing model configuration an error instead of a silent fallback."""
    if client is None:
        if settings.llm.mode == "off" or not settings.llm.configured(settings.openai_api_key):
            if required:
                raise ConfigError(
                    "an LLM narrative was requested but no model is configured. Set OPENAI_API_KEY or "
                    "CLAUSEGATE_LLM__BASE_URL, or run without --llm."
                )
            return memo
        client = LLMClient(settings)
    prompt = load_prompt("memo_narrative", ["facts", "draft"])
    draft = "\n".join(f"{k}: {v}" for k, v in memo.narrative.model_dump().items())
    messages = [("user", prompt.render(facts=facts_json(memo, assessment), draft=draft))]
    try:
        reply = client.structured(Narrative, messages, prompt_version=prompt.ref, meter=client.meter())
    except LLMFailure as exc:
        return memo.model_copy(
            update={"narrative_note": f"LLM narrative unavailable ({exc.kind}); analyst text used."}
        )
    except Exception as exc:  # noqa: BLE001 - the memo never fails because of the model
        reraise_unrecorded(exc)
        log.exception("LLM narrative failed")
        return memo.model_copy(
            update={"narrative_note": f"LLM narrative failed ({type(exc).__name__}); analyst text used."}
        )
    problems = check_narrative(reply, memo, assessment)
    if problems:
        log.warning("LLM narrative rejected: %s", problems)
        note = f"LLM narrative rejected ({'; '.join(problems[:3])}); analyst text used."
        return memo.model_copy(update={"narrative_note": note})
    return memo.model_copy(update={"narrative": reply, "narrative_source": "llm"})
