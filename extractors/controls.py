"""Rule extractors for the default playbook, one small registered function per requirement.

Each function only states what its requirement looks like (element patterns, who must act, weak
signals); `extractors.rules` does the scanning, polarity and direction checks and the verdict. This
module holds the assurance controls (audit rights, exit assistance, subprocessor disclosure, access
control and logging) and imports `controls_commercial` and `controls_data`, which register the other eight.
"""

from __future__ import annotations

import re

from assistant.models import Finding
from assistant.playbook import Requirement
from extractors.base import ReviewContext, register
from extractors.rules import (
    CONFIDENTIAL,
    CUST,
    DELETE_VERB,
    NOTICE,
    VEND,
    Hit,
    decide,
    duration_param,
    notice_param,
    ok,
    pick_value,
    rx,
    scan,
    to_finding,
    weak_signals,
)
from extractors.spans import neighbours
from extractors.text import find_durations, parse_number

# --- audit rights -----------------------------------------------------------------------------
AUDIT = rx(
    r"\b(?:audit(?:s|ed|ing)?|inspect(?:s|ed|ing|ions?)?|examin(?:e|ation))\b"
    r"(?!\s+(?:reports?|summar\w*|opinions?|letters?|certificat\w*|trails?|logs?|committee))"
)
PERMIT = rx(
    r"\b(?:permit|allow|enable|submit\s+to|contribute\s+to|co-?operate|make\s+available|afford|grant|let\b|"
    r"(?:not|never)\s+(?:\w+ly\s+)?(?:refuse|deny|withhold|obstruct|prevent)|"
    r"(?:give|provide|grant|afford)\w*\s+(?:[\w,'’]+\s+){0,10}?access\b)"
)
REPORT = rx(
    r"\bSOC\s*(?:1|2|I{1,2})\b|\bSSAE\s*1[68]|\bISAE\s*3402|third[- ]party\s+(?:audit\s+)?(?:reports?|"
    r"certifications?|attestations?)|audit\s+reports?|\bsummar(?:y|ies)\s+of\s+(?:its|the)\s+\w*\s*audit"
)
# verbs only: "Service Provider" or "Supplier" is a party, not an offer of a report
PROVIDE = rx(
    r"\b(?:provid(?:e|es|ed|ing)|furnish\w*|ma(?:ke|kes|de)\s+(?:\w+\s+){0,3}?available|deliver(?:s|ed|ing)?|"
    r"shar(?:e|es|ed|ing)|suppl(?:y|ies|ied|ying)|send(?:s|ing)?|sent)\b"
)
AUDIT_WEAK = {
    "the vendor may refuse or must consent": rx(
        rf"{VEND}\s+may\s+(?:refuse|decline|reject|deny)|(?:sole|absolute)\s+discretion|"
        rf"subject\s+to\s+(?:the\s+)?(?:{VEND}'?s|our)\s+(?:prior\s+)?(?:written\s+)?(?:consent|approval|agreement)"
    ),
    "the audit is limited to the vendor's own third-party reports": rx(
        r"(?:limited\s+to|in\s+lieu\s+of|instead\s+of|satisf(?:y|ied)\s+by|shall\s+satisfy|in\s+satisfaction\s+of|sole\s+means)"
        r"[^.;]{0,80}(?:SOC|report|certificat|attestation)|\bsatisf(?:y|ies|ied)\b[^.;]{0,80}\b(?:audit|inspection)|"
        r"(?:audit|inspection)\s+rights?[^.;]{0,80}\b(?:satisf|limited\s+to)|"
        r"\bsole\s+(?:and\s+exclusive\s+)?(?:right|means|method|remedy)\s+(?:to|of|for)\s+(?:audit|verif|inspect)"
    ),
    "audits are at the customer's cost with no shift for findings": rx(
        rf"at\s+(?:the\s+)?(?:{CUST}'?s?|your)\s+(?:sole\s+|own\s+)?(?:cost|expense)(?![^.;]{{0,120}}\b(?:unless|except|if\s+the\s+audit))"
    ),
}
FREQUENCY = rx(
    r"once\s+(?:every|per|in\s+any|in\s+each|during\s+any)\s+(?:period\s+of\s+)?(?P<n>[\w-]+(?:\s*\(\d+\))?)?\s*[- ]?"
    r"(?:consecutive\s+)?(?:calendar\s+|contract\s+)?(?P<unit>years?|months?)"
)


FREQ_ANCHOR = rx(
    r"\bonce\b|\bone\s+(?:\(1\)\s+)?(?:\w+\s+)?(?:audits?|inspections?)\b|\b(?:audit|inspect)\w*\s+(?:\w+\s+){0,3}?"
    r"(?:per|each|every|in\s+any)\b"
)
PER_YEAR = rx(
    r"^\W*(?:\w+\s+){0,4}?(?:calendar|contract|financial|fiscal|agreement|subscription)?\s*year\b|^\W*annually\b"
)


def _audit_frequency(hits: list[Hit]) -> int | None:
    """Months between permitted audits: 'once every three (3) years' -> 36, 'no more than one audit in
    any 12-month period' -> 12, 'once in each Contract Year' -> 12."""
    for hit in hits:
        text = hit.sentence.text
        m = FREQUENCY.search(text)
        if m and m.group("n") and parse_number(m.group("n")):
            n = parse_number(m.group("n")) or 1
            return n * 12 if m.group("unit").lower().startswith("year") else n
        for a in FREQ_ANCHOR.finditer(text):
            after = text[a.end() : a.end() + 60]
            found = [d for d in find_durations(after) if d.unit in {"months", "years", "quarters"}]
            if found and found[0].start < 30:
                return found[0].months()
            if PER_YEAR.search(after):
                return 12
        if m:
            return 12 if m.group("unit").lower().startswith("year") else 1
    return None


OWN_AUDIT = rx(
    r"(?:SOC\s*\d\s*(?:Type\s*(?:I{1,2}|[12])\s*)?|SSAE\s*\d+\s*|ISAE\s*\d+\s*|ISO[^.]{0,20}|annual\s+|independent\s+|"
    r"third[- ]party\s+|external\s+|internal\s+|surveillance\s+|certification\s+)$"
)


LICENCE_AUDIT = rx(
    rf"\b(?:{CUST}'?s?|your|its)\s+(?:use|usage|deployment|compliance\s+with\s+(?:the\s+)?licen)|exceed\w*\s+(?:its\s+|the\s+)?licen[cs]ed|"
    r"licensed\s+quantities|under-?pa(?:id|yment)"
)


def _customer_audits(hits: list[Hit]) -> list[Hit]:
    """Audit hits where the customer (or its auditor/regulator) audits; 'Vendor shall permit Customer to
    audit' counts, 'Vendor may audit Customer's use' does not."""
    out = []
    for h in hits:
        text = h.sentence.text
        audits_customer = re.match(rf"\s+(?:the\s+)?(?:{CUST}|your)\b", text[h.end : h.end + 30], re.I)
        own_audit = OWN_AUDIT.search(text[max(0, h.start - 40) : h.start]) and h.role != "customer"
        unaimed = h.role is None and not re.search(rf"\b{VEND}\b|regulator|supervisory", text, re.I)
        if audits_customer or own_audit or unaimed or LICENCE_AUDIT.search(text):
            continue
        if h.ok or (h.verdict == "wrong_direction" and PERMIT.search(text[: h.start])):
            h.verdict = "ok"
            out.append(h)
    return out


@register("audit_rights")
def audit_rights(req: Requirement, ctx: ReviewContext) -> Finding:
    """Customer (or its auditor/regulator) may audit the vendor; weak when only reports or illusory."""
    hits = scan(ctx, "audit", AUDIT, actors=("customer", "both", None))
    granted = _customer_audits(hits)
    params: dict[str, int | float | str | bool | None] = {}
    if granted:
        params["notice_days"] = notice_param(granted, radius=1)[0]
        params["frequency_months"] = _audit_frequency(granted) or _audit_frequency(
            [Hit(s, "audit", 0, 0, None, "ok") for h in granted[:1] for s in neighbours(h.sentence, 1)]
        )
        weak, extra = weak_signals(granted, AUDIT_WEAK)
        where = granted[0].sentence.where
        out = decide(
            req,
            granted[:1] + extra,
            present_reason=f"The customer may audit the vendor ({where}).",
            weak=weak,
            params=params,
        )
        return to_finding(req, out)
    reports = ok(scan(ctx, "report", PROVIDE, within=REPORT, actors=("vendor", None)))
    if reports:
        where = reports[0].sentence.where
        out = decide(
            req,
            reports,
            present_reason=f"Only the vendor's third-party audit reports are offered ({where})",
            weak=["no audit by the customer itself"],
        )
        return to_finding(req, out)
    rejected = [h for h in hits if not h.ok]
    out = decide(
        req,
        [],
        present_reason="",
        rejected=rejected,
        ctx=ctx,
        missing_reason="No clause gives the customer a right to audit the vendor.",
    )
    return to_finding(req, out)


# --- exit assistance --------------------------------------------------------------------------
TRANSITION = rx(
    r"\b(?:transition(?:al)?|exit|termination|migration|disengagement|wind[- ]?down|run[- ]?off|hand-?over|"
    r"deconversion|reverse[- ]transition|exit\s+management)\s+(?:services|assistance|support|plan|management)|"
    r"\b(?:assist|help)\w*\s+(?:the\s+)?(?:customer\s+|client\s+|you\s+)?(?:in|with)\s+(?:the\s+)?(?:orderly\s+)?"
    r"(?:transition|migration|transfer|handover|hand-over)|"
    r"\b(?:assist|help)\w*[^.;]{0,80}\b(?:transfer|transition|migrat|hand\s*over|mov(?:e|ing)\s+(?:\w+\s+){0,3}?to\s+(?:a|an|the|its|your))\w*|"
    r"\b(?:orderly|smooth)\s+(?:transition|transfer|handover|hand-over|migration)|"
    r"\b(?:transfer|transition|migrat|mov(?:e|ing)|send|sending|hand\s*over|handover)\w*[^.;]{0,60}\b(?:replacement|successor|new|another|"
    r"alternative)\s+(?:supplier|provider|vendor|service|contractor|system|platform)"
)
RETURN_DATA = rx(
    r"\b(?:return|export|retrieve|download|extract|transfer|deliver|make\s+available)\w*\b[^.;]{0,80}"
    r"\b(?:data|content|records|files|everything|(?:your|its|their)\s+(?:\w+\s+)?(?:information|materials|documents))\b|\b(?:data|content|files|records)\b[^.;]{0,40}\b(?:returned|exported|available\s+(?:to\s+\w+\s+)?for\s+"
    r"(?:download|export|retrieval))|\bmake\s+(?:\w+\s+){0,3}available\b[^.;]{0,60}\b(?:data|content)\b|"
    r"\bmake\s+(?:all\s+|the\s+)?(?:\w+\s+)?(?:data|content)\s+available|"
    r"\bprovid\w*\s+(?:\w+\s+){0,4}?(?:a\s+)?(?:complete\s+|full\s+)?(?:copy|copies|export|extract)\s+of\s+(?:\w+\s+){0,3}(?:data|content)"
)
SELF_EXPORT = rx(r"\b(?:export|retrieve|download|extract|access)")
END = rx(
    r"terminat|expir|end\s+of\s+(?:the\s+)?(?:term|agreement|subscription|provision|services?)|cessation|"
    r"following\s+the\s+end|after\s+the\s+end"
)
FORMAT = rx(
    r"(?:machine[- ]readable|csv|json|xml|sql|industry[- ]standard|commonly[- ]used|structured|usable|"
    r"native|electronic|standard)\s+(?:\w+\s+)?format"
)


EXIT_VERB = rx(
    r"\b(?:return|export|retriev|download|extract|transfer|deliver|available|transition|assist|migrat|run-?off|"
    r"wind-?down|continu)\w*"
)
EXIT_PERIOD = rx(r"\b(?:wind[- ]?down|run[- ]?off|exit|transition(?:al)?)\s+period\b")


def _exit_period(hits: list[Hit]) -> tuple[int | None, Hit | None, str]:
    """Exit period in days: durations nearer an exit verb (return, export, transition) than a deletion verb."""
    values: list[tuple[int, Hit]] = []
    for hit in hits:
        text = hit.sentence.text
        exits = [m.start() for m in EXIT_VERB.finditer(text)]
        deletes = [m.start() for m in DELETE_VERB.finditer(text)]
        for d in find_durations(text):
            to_exit = min((abs(d.start - v) for v in exits), default=10**6)
            if to_exit <= min((abs(d.start - v) for v in deletes), default=10**6) and d.unit != "hours":
                values.append((d.days(), hit))
    return pick_value(values, "max")


EXIT_WHEN = rx(
    END.pattern
    + r"|\bfor\s+[^.;]{1,40}?\s+(?:thereafter|afterwards)\b"
    + r"|\bupon\s+(?:the\s+)?\w+'?s?\s+(?:written\s+)?request|\bon\s+request|\bdecide\s+to\s+leave|\bleav(?:e|ing)\b"
    r"|\b(?:ends?|ended|ending)\b|\bcancel\w*|\bclos\w*\s+(?:of\s+)?(?:your|its|the)\s+account|\bwind[- ]?down|\boff-?board"
)
DELETE_ALT = rx(
    r"\b(?:return|deliver)\w*\s+(?:\w+\s+){0,6}?or\s+(?:\w+ly\s+)?(?:delete|destroy|erase)|"
    r"\b(?:delet|destr|eras)\w*\s+(?:\w+\s+){0,6}?or\s+(?:\w+ly\s+)?return"
)


def _vendor_provides(hit: Hit) -> bool:
    """The vendor returns or makes the data available; the customer exporting counts only when it *may*
    do so (a facility the vendor offers), not when it is merely responsible for it."""
    if hit.role != "customer":
        return True
    text = hit.sentence.text
    return (
        bool(SELF_EXPORT.search(text[hit.start : hit.end]))
        and bool(
            re.search(
                r"\b(?:may|can|will\s+be\s+able|is\s+entitled|shall\s+be\s+entitled|(?:will|shall)\s+have|opportunity)\b",
                text,
                re.I,
            )
        )
        and not re.search(
            r"responsib|\bmust\b|before\s+the\s+(?:effective\s+date|termination)|"
            r"(?:before|prior\s+to)\s+(?:the\s+|your\s+|its\s+)?(?:[\w-]+\s+){0,2}(?:ends|expires|terminates|is\s+terminated)",
            text,
            re.I,
        )
    )


def _following(hits: list[Hit]) -> list[Hit]:
    """The sentence after each hit in the same clause, when it continues the same subject ('Such
    assistance ...', 'This period ...', 'The Exit Period ...')."""
    out = []
    for hit in hits:
        after = [s for s in neighbours(hit.sentence, 1) if s.start > hit.sentence.start]
        if after and re.match(r"\W*(?:such|this|that|these|the)\b", after[0].text, re.I):
            out.append(Hit(after[0], hit.element, 0, 0, hit.role, "ok"))
    return out


ANAPHOR = rx(
    r"^\W*(?:during|within|in|throughout|for|until\s+the\s+end\s+of)\s+(?:that|this|such|the\s+same)\s+"
    r"(?:[\w-]+\s+)?(?:time|period|window|days?|weeks?|months?)\b"
)


def _preceding(hits: list[Hit]) -> list[Hit]:
    """The sentence before each hit that opens with a pointer to it ('During that time you can export
    your data' after '... we'll keep your account open for 45 days')."""
    out = []
    for hit in hits:
        before = [s for s in neighbours(hit.sentence, 1) if s.start < hit.sentence.start]
        if before and ANAPHOR.search(hit.sentence.text):
            out.append(Hit(before[-1], hit.element, 0, 0, hit.role, "ok"))
    return out


def _on_exit(hit: Hit) -> bool:
    """The hit speaks of the exit: in its own sentence or lead-in, or through a pointer ('During that
    period ...') to the sentence before it."""
    if EXIT_WHEN.search(hit.sentence.text) or EXIT_WHEN.search(hit.sentence.lead):
        return True
    return any(EXIT_WHEN.search(h.sentence.text) for h in _preceding([hit]))


@register("exit_assistance")
def exit_assistance(req: Requirement, ctx: ReviewContext) -> Finding:
    """Transition services and/or data return in a usable format for a defined period on exit."""
    # "continue the Services for a run-off period of six months" counts; "delete after the Exit Period" not
    periods = scan(ctx, "transition", EXIT_PERIOD, within=END)
    transition = scan(ctx, "transition", TRANSITION) + [
        h for h in periods if not DELETE_VERB.search(h.sentence.text) and find_durations(h.sentence.text)
    ]
    data = [h for h in scan(ctx, "return", RETURN_DATA, actors=None) if _on_exit(h)]
    data = [h for h in data if not DELETE_ALT.search(h.sentence.text) and _vendor_provides(h)]
    granted_t, granted_d = ok(transition), ok(data)
    period, _, note = _exit_period(granted_t or granted_d)
    if period is None and (granted_t or granted_d):  # "Such assistance shall be provided for 90 days."
        period, _, note = _exit_period(_following(granted_t or granted_d))
    if period is None and (granted_t or granted_d):  # "... for 45 days. During that time you can export"
        period, _, note = _exit_period(_preceding(granted_t or granted_d))
    params: dict[str, int | float | str | bool | None] = {"period_days": period}
    weak: list[str] = []
    if granted_t:
        what = f"The vendor provides transition assistance on exit ({granted_t[0].sentence.where})."
    elif granted_d:
        has_format = any(FORMAT.search(h.sentence.text) for h in granted_d)
        params["format"] = has_format
        what = f"The vendor returns customer data on exit ({granted_d[0].sentence.where})."
        if period is None:
            weak.append("data return only, with no period" + ("" if has_format else " or format"))
    else:
        what = ""
    out = decide(
        req,
        granted_t + granted_d,
        present_reason=what + note,
        weak=weak,
        params=params,
        rejected=[h for h in transition + data if not h.ok],
        ctx=ctx,
        missing_reason="No clause obliges the vendor to provide exit assistance or return data on exit.",
    )
    return to_finding(req, out)


# --- subprocessor disclosure --------------------------------------------------------------------
SUBPROC = rx(
    r"sub-?\s?processors?|sub-?contractors?|sub-?contract(?:ing)?|third[- ]party\s+processors?|"
    r"(?:another|other|additional|new)\s+processors?"
)
SP_LIST = rx(
    r"\b(?:list(?:ed)?|identified|set\s+(?:out|forth)|available\s+at|published|https?://|www\.|annex|"
    r"appendix|schedule|exhibit)\b"
)
SP_NOTICE = rx(
    r"\b(?:notif\w*|notice|inform\w*|tell|let\s+\w+\s+know|e-?mail\s+(?:you|the\s+customer|customers?)|advance|prior\s+written\s+(?:notice|consent)|consent)\b|"
    r"\b(?:before|prior\s+to)\s+(?:\w+\s+){0,2}(?:authori[sz]|engag|add|appoint|us|allow|permit)\w*"
)
SP_CONSENT = rx(
    r"\b(?:not|no)\s+(?:\w+\s+){0,4}(?:sub-?\s?processors?|sub-?contract\w*|(?:another|other)\s+processors?)[^.;]{0,60}"
    r"\bwithout\s+(?:the\s+)?"
    r"(?:\w+\s+){0,2}(?:prior\s+)?(?:specific\s+|general\s+)?(?:written\s+)?(?:consent|authori[sz]ation|approval)"
)
SP_OBJECT = rx(
    r"\b(?:object\w*|reject|veto|(?:prior\s+)?(?:written\s+)?(?:consent|approval)\s+of\s+(?:the\s+)?"
    rf"{CUST}|{CUST}'?s\s+(?:prior\s+)?(?:written\s+)?(?:consent|approval))"
)


@register("subprocessor_disclosure")
def subprocessor_disclosure(req: Requirement, ctx: ReviewContext) -> Finding:
    """Subprocessors listed AND advance notice of new ones AND a customer right to object."""
    listed = [
        h for h in scan(ctx, "list", SP_LIST, within=SUBPROC, actors=None) if h.verdict in ("ok", "reference")
    ]
    for h in listed:
        h.verdict = "ok"  # "the list is set out in Annex 3" is the disclosure itself
    notice = ok(scan(ctx, "notice", SP_NOTICE, within=SUBPROC))
    objection = ok(
        scan(ctx, "object", SP_OBJECT, within=SUBPROC, actors=("customer", "both", "vendor", None))
    )
    near = [s for h in listed + notice for s in neighbours(h.sentence, 2)]
    if listed and not notice:
        # "We list our subprocessors at ... We'll tell you 30 days before we add a new one."
        notice = ok(scan(ctx, "notice", SP_NOTICE, sentences_=near))
    objection += ok(
        scan(ctx, "object", SP_OBJECT, sentences_=near, actors=("customer", "both", "vendor", None))
    )
    consent = [h for h in scan(ctx, "consent", SP_CONSENT, actors=None) if h.verdict != "definition"]
    if consent:
        h = consent[0]
        h.verdict = "ok"
        listed, notice, objection = listed or [h], notice or [h], objection or [h]
    days, _, note = notice_param(notice)
    if days is None:
        days, _, note = duration_param(notice, NOTICE, "days", prefer="min")
    parts = {
        "list of subprocessors": listed,
        "advance notice of new ones": notice,
        "right to object": objection,
    }
    have = [k for k, v in parts.items() if v]
    lacking = [k for k, v in parts.items() if not v]
    weak = [f"no {k}" for k in lacking] if have else []
    granted = [h for v in parts.values() for h in v[:1]]
    out = decide(
        req,
        granted,
        present_reason=f"Subprocessors: {', '.join(have)} ({granted[0].sentence.where if granted else ''}).{note}",
        weak=weak,
        params={"notice_days": days},
        ctx=ctx,
        missing_reason="No clause discloses subprocessors or gives notice of new ones.",
    )
    return to_finding(req, out)


# --- access & logging ---------------------------------------------------------------------------
ACCESS = rx(
    r"least[\s-]+privilege|need[- ]to[- ]know|role[\s-]+based\s+(?:\w+\s+)?access|access\s+(?:controls?|restrictions?|management)|"
    r"(?:restrict|limit)\w*\s+(?:\w+\s+){0,2}access|access\s+(?:[\w'’-]+\s+){0,10}(?:is|shall\s+be|will\s+be|are)\s+(?:restricted|limited)|"
    r"only\s+(?:to\s+)?(?:authori[sz]ed|those)\s+(?:personnel|employees|staff|individuals)|background\s+(?:checks?|screening)|"
    r"multi-?factor|\bMFA\b|unique\s+(?:user\s+)?(?:ids?|credentials)|who\s+need\s+(?:such\s+)?access|"
    r"\baccess\w*\b[^.;]{0,80}\bonly\b|\bonly\b[^.;]{0,100}\baccess\w*\b|(?:legitimate\s+)?business\s+need\s+(?:to\s+know|for\s+access)|"
    r"\bwho\s+(?:require|need)\s+(?:such\s+)?access"
)
LOGGING = rx(
    r"\blog(?:s|ging|ged)?\b(?![-\s]+(?:in|on|into)\b)|audit\s+trails?|monitor\w*\s+(?:of\s+)?(?:all\s+)?(?:\w+\s+)?(?:access|activity|systems?|network|usage)|"
    r"(?:access|activity|security|event)\s+(?:logs?|monitoring)|\bSIEM\b|"
    r"(?:access|activit(?:y|ies)|actions?|sessions?|events?|entr(?:y|ies)|exits?|log-?ins?)\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:is|are|shall\s+be|will\s+be)\s+(?:\w+\s+)?recorded|\brecords?\s+of\s+(?:all\s+)?(?:\w+\s+)?access|"
    r"\baccess\s+(?:records|histor(?:y|ies)|registers?)\b"
)


VENDOR_CONTROL = rx(
    r"least[\s-]+privilege|role[\s-]+based|multi-?factor|two-?factor|\bMFA\b|\b2FA\b|background\s+(?:checks?|screening|"
    r"verification)|vett\w+|access\s+(?:reviews?|rights\s+(?:are|shall\s+be)\s+reviewed)|unique\s+(?:user\s+)?(?:ids?|"
    r"credentials)|\b(?:systems?|production|environments?|infrastructure|networks?)\b"
)
MUTUAL = rx(
    r"\b(?:each|either|both|a|the)\s+part(?:y|ies)\b|receiving\s+party|disclosing\s+party|\brecipient\b|\bdiscloser\b"
)
DISCLOSE = rx(r"\bdisclos\w*|\bconfidential\w*|proprietary\s+information")
CUSTOMER_DATA = rx(rf"\b(?:{CUST}|personal|your)\s+(?:data|content)\b")


def _confidentiality_only(hit: Hit) -> bool:
    """A confidentiality clause's 'need to know' (who may receive the other party's information) is not
    access control over the vendor's personnel; concrete vendor controls (least privilege, MFA,
    background checks, systems) always count."""
    text = hit.sentence.text
    if VENDOR_CONTROL.search(text):
        return False
    if CONFIDENTIAL.search(text) or (DISCLOSE.search(text) and MUTUAL.search(text)):
        return True
    heading = hit.sentence.clause.heading if hit.sentence.clause is not None else None
    in_confidentiality = bool(heading and re.search(r"confidential", heading, re.I))
    return (in_confidentiality or bool(DISCLOSE.search(text))) and not CUSTOMER_DATA.search(text)


@register("access_logging")
def access_logging(req: Requirement, ctx: ReviewContext) -> Finding:
    """Access restrictions AND logging/monitoring of access; weak with only one of the two."""
    access_all = [h for h in scan(ctx, "access", ACCESS) if not _confidentiality_only(h)]
    logging_all = scan(ctx, "logging", LOGGING)
    access, logging = ok(access_all), ok(logging_all)
    weak = []
    if access and not logging:
        weak.append("access restrictions without logging or monitoring of access")
    if logging and not access:
        weak.append("logging without access restrictions")
    evidence = access[:1] + logging[:1]
    out = decide(
        req,
        evidence,
        present_reason=f"Access restrictions and access logging ({evidence[0].sentence.where if evidence else ''}).",
        weak=weak,
        rejected=[h for h in access_all + logging_all if not h.ok],
        ctx=ctx,
        missing_reason="No clause restricts or logs access to customer data.",
    )
    return to_finding(req, out)


from extractors import controls_commercial, controls_data  # noqa: E402,F401  (register the other extractors)
