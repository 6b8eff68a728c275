"""Rule extractor for exit assistance: transition services and/or return of customer data in a usable
format for a defined period when the contract ends."""

from __future__ import annotations

import re

from assistant.models import Finding, Status
from assistant.playbook import Requirement
from extractors.base import ReviewContext, register
from extractors.parties import Roles, actor, family_roles
from extractors.rules import (
    DELETE_VERB,
    Hit,
    Outcome,
    dangling_reference,
    decide,
    ok,
    overriding_sentences,
    pick_value,
    rx,
    scan,
    to_finding,
    unclear_reference,
)
from extractors.spans import (
    FROM_START,
    FROM_START_DATE,
    PENDING,
    PLACEHOLDER,
    PLACEHOLDER_BODY,
    doc_sentences,
    family_sentences,
    glued_heading_end,
    listed_among_others,
    neighbours,
    notice_durations,
    sentence_before,
)
from extractors.text import find_durations, is_frequency

# --- exit assistance --------------------------------------------------------------------------
TRANSITION = rx(
    r"\b(?:transition(?:al)?|exit|termination|migration|disengagement|wind[- ]?down|run[- ]?off|hand-?over|"
    r"deconversion|reverse[- ]transition|exit\s+management|reversibility)\s+(?:services|assistance|support|plan|management)|"
    # French drafting in translation: "the Provider shall ensure the reversibility of the Services" (réversibilité)
    r"\b(?:ensur|provid|perform|carr(?:y|ies)\s+out|organi[sz])\w*\s+(?:the\s+)?reversibility\b|"
    r"\b(?:assist|help)\w*\s+(?:the\s+)?(?:customer\s+|client\s+|you\s+)?(?:in|with)\s+(?:the\s+)?(?:orderly\s+)?"
    r"(?:transition|migration|transfer|handover|hand-over)|"
    # "cooperate with the new provider for the migration": cooperation on the hand-over is assistance too
    # (not "LA COOPERATIVA", a party)
    r"\b(?:assist|help|cooperat(?!iv)|co-operat(?!iv)|collaborat)\w*[^.;]{0,80}\b(?:transfer|transition|migrat|hand\s*over|mov(?:e|ing)\s+(?:\w+\s+){0,3}?to\s+(?:a|an|the|its|your))\w*|"
    r"\b(?:orderly|smooth)\s+(?:transition|transfer|handover|hand-over|migration)|"
    r"\b(?:transfer|transition|migrat|mov(?:e|ing)|send|sending|hand\s*over|handover)\w*[^.;]{0,60}\b(?:replacement|successor|new|another|"
    r"alternative)\s+(?:supplier|provider|vendor|service|contractor|system|platform)"
)
RETURN_DATA = rx(
    # "deliver" as a verb: "after delivery of the final files" times something else, it hands nothing back
    r"\b(?:return|export|retrieve|download|extract|transfer|deliver(?!y|ies)|make\s+available|hand(?:s|ed|ing)?\s+over)\w*\b[^.;]{0,80}"
    r"\b(?:data|metadata|contents?|records|files|databases?|everything|(?:your|its|their|(?:the\s+)?(?:customer|client|licensee|subscriber)(?:'s|’s)?)\s+"
    r"(?:\w+\s+){0,2}(?:information|materials|documents|reports|records|histor(?:y|ies)))\b|"
    # "make the Client's alert and case history available for download": the offer names the purpose
    r"\bmak(?:e|es|ing)\s+(?!(?:[\w'’-]+\s+){0,3}?(?:software|app|application|platform|service|updates?|patch\w*|releases?|"
    r"documentation|tools?)\b)(?:[\w'’-]+\s+){1,8}?available\s+(?:to\s+(?:the\s+)?\w+\s+)?for\s+(?:download|export|retrieval|collection)\b|"
    r"\b(?:data|content|files|records)\b[^.;]{0,40}\b(?:returned|exported|available\s+(?:to\s+\w+\s+)?for\s+"
    r"(?:download|export|retrieval))|\bmake\s+(?:\w+\s+){0,3}available\b[^.;]{0,60}\b(?:data|content)\b|"
    r"\bmake\s+(?:all\s+|the\s+)?(?:\w+\s+)?(?:data|content)\s+available|"
    r"\bprovid\w*\s+(?:\w+\s+){0,4}?(?:a\s+)?(?:complete\s+|full\s+)?(?:copy|copies|export|extract)\s+of\s+(?:\w+\s+){0,3}(?:data|content)|"
    # ("shall deliver to the State, within fourteen (14) days after the State's written request, a copy of the State Data")
    r"\bdeliver(?!y|ies)\w*\b[^.;]{0,120}?\b(?:a\s+)?(?:complete\s+|full\s+)?(?:copy|copies|export|extract)\s+of\s+"
    r"(?:\w+\s+){0,3}(?:data|content)|"
    # the customer takes out whatever is its own, however the service names it ("export your projects",
    # "retrieve its Security Telemetry", "download the contents of the archive")
    r"\b(?:export|retriev|download|extract)\w*\s+(?:(?:a\s+)?(?:copy|copies)\s+of\s+|all\s+(?:of\s+)?)?"
    r"(?:its|your|their|(?:the\s+)?contents?\s+of)\s+(?!(?:own\s+)?(?:costs?|expenses?|risk|obligations?)\b)\w|"
    # the export named as a deliverable the customer asks for ("may request a final export", "obtain a full
    # copy"): what is exported is implied
    r"\b(?:request|obtain|receive)\w*\s+(?:a|an|one)\s+(?:(?:final|full|complete|last|closing)\s+)?(?:data\s+)?"
    r"(?:export|extract|copy|download)\b|"
    # "export transcripts, summaries and action items in DOCX, TXT or JSON format": a file format names data
    # (translated CIS drafting "unloads" or "uploads" the information out of the system in a format)
    r"\b(?:(?:export|retriev|download|extract|obtain|unload|upload)\w*|provid(?:e|es|ed|ing)|deliver(?:s|ed|ing)?)\s+"
    r"(?:[\w,'’-]+\s+){1,20}?(?:in|as)\s+(?:an?\s+)?"
    r"(?:[\w/-]+,?\s+(?:or\s+|and\s+)?){1,5}?formats?\b|"
    # "maintain access of the Customer's Users to the System in view mode": read-only access kept for the exit
    r"\b(?:maintain|keep|continue|preserve)\w*\s+(?:[\w'’-]+\s+){0,3}?access\b[^.;]{0,80}?\b(?:read[- ]only|view[- ]only|"
    r"(?:in\s+)?view(?:ing)?\s+mode)\b|"
    # colocation and on-premises hosting: the data leaves on the customer's own servers and media
    r"\b(?:remov|retriev|collect|de-?install)\w*\s+(?:and\s+\w+\s+)?(?:the\s+|all\s+|its\s+|their\s+)?"
    r"(?:(?:customer|client|your)(?:'s|’s)?\s+)(?:\w+\s+)?(?:equipment|servers?|hardware|storage\s+media|media)\b"
)
SELF_EXPORT = rx(r"\b(?:export|retrieve|download|extract|access|obtain|request|receive)")
# "retrieve its ..." is the customer's data only when the customer retrieves: "the Provider may retrieve its
# equipment" is the vendor taking back its own
OWN_THINGS = rx(r"^(?:export|retriev|download|extract)\w*\s+(?:[\w-]+\s+){0,3}?(?:its|their)\b")
END = rx(
    r"terminat|expir|end\s+of\s+(?:the\s+)?(?:term|agreement|subscription|provision|services?)|cessation|"
    r"following\s+the\s+end|after\s+the\s+end|\bend[\s-]date\b"
)
FORMAT = rx(
    r"(?:machine[- ]readable|csv|json|xml|sql|industry[- ]standard|commonly[- ]used|structured|usable|"
    r"native|electronic|standard)\s+(?:\w+\s+){0,3}?formats?"
)


EXIT_VERB = rx(
    r"\b(?:return|export|retriev|download|extract|transfer|deliver|available|transition|assist|migrat|run-?off|"
    r"wind-?down|continu)\w*"
)
EXIT_PERIOD = rx(r"\b(?:wind[- ]?down|run[- ]?(?:off|out)|exit|transition(?:al)?)\s+period\b")


# a time counted from the end of the exit window or period itself, not the window
AFTER_THE_WINDOW = rx(
    r"\s*(?:after|following|from)\s+(?:the\s+)?(?:end|expiry|expiration|close|lapse)\s+of\s+"
    # (the end of the termination "notice period" is the end of the contract: the time after it is the exit's)
    r"(?!(?:the\s+|that\s+|such\s+)?(?:notice|termination|contract|subscription|agreement)\s+period)"
    r"(?:the\s+|that\s+|such\s+)?(?:[\w-]+\s+){0,2}?(?:window|period)\b"
)


def _exit_period(hits: list[Hit]) -> tuple[int | None, Hit | None, str]:
    """Exit period in days: durations nearer an exit verb (return, export, transition) than a deletion verb.
    A duration in a table row is read with that row's words only ('| Training of administrators (2 days) |'
    is no exit period because the next row prices migration assistance), and a heading glued to the
    sentence ('§ 15 Termination assistance and deletion') lends it no deletion verb."""
    values: list[tuple[int, Hit]] = []
    for hit in hits:
        text = hit.sentence.text
        heading_end = glued_heading_end(text)
        exits = [m.start() for m in EXIT_VERB.finditer(text)]
        deletes = [m.start() for m in DELETE_VERB.finditer(text) if m.start() >= heading_end]
        notices = {d.start for d in notice_durations(text)}
        for d in find_durations(text):
            if is_frequency(text, d):
                continue  # "test the exit plan once every two years"
            if FROM_START.match(text, d.end):
                continue  # "agree the Exit Plan within ninety (90) days after the Commencement Date": a deadline
            if AFTER_THE_WINDOW.match(text, d.end):
                continue  # "within sixty (60) days after the end of the Export Window": a time after the exit
            if d.start in notices:
                continue  # "subject to notice of six (6) months": a notice to terminate, not an exit period
            row_start, row_end = (
                text.rfind("\n", 0, d.start) + 1,
                (text.find("\n", d.end) + 1 or len(text) + 1) - 1,
            )
            if "|" in text[row_start:row_end] and not any(row_start <= v < row_end for v in exits):
                continue
            to_exit = min((abs(d.start - v) for v in exits), default=10**6)
            if to_exit <= min((abs(d.start - v) for v in deletes), default=10**6) and d.unit != "hours":
                values.append((d.days(), hit))
        values.extend(_period_named_before(hit))
    return pick_value(values, "max")


_THAT_PERIOD = rx(
    r"^\W*(?:during|within|in|for|throughout)\s+(?:that|this|such|the\s+said)\s+(?:period|time|window)\b"
)
# 'In MSA Section 11.4 the words "fourteen (14) days" are replaced by "sixty (60) days"': the new words count
_REPLACED_BY = rx(r"\b(?:replaced|substituted)\s+(?:by|with)\b|\bshall\s+(?:now\s+)?read\b|\bread\s+as\b")


def _period_named_before(hit: Hit) -> list[tuple[int, Hit]]:
    """'During that period Parlorstack will keep the Services available ...': the period is the one the sentence
    before states (after 'are replaced by' when it amends words of another document), quoted from there."""
    if not _THAT_PERIOD.match(hit.sentence.text):
        return []
    prior = sentence_before(hit.sentence)
    if prior is None:
        return []
    text = prior.text
    replaced = _REPLACED_BY.search(text)
    start = replaced.end() if replaced else 0
    source = Hit(prior, hit.element, 0, 0, hit.role, "ok")
    return [(d.days(), source) for d in find_durations(text) if d.start >= start and d.unit != "hours"]


EXIT_WHEN = rx(
    END.pattern
    + r"|\bfor\s+[^.;]{1,40}?\s+(?:thereafter|afterwards)\b"
    + r"|\b(?:up)?on\s+(?:the\s+)?\w+(?:'s|’s)?\s+(?:written\s+)?request|\bon\s+request|\bdecide\s+to\s+leave|\bleav(?:e|ing)\b"
    # "when LA ADMINISTRADORA so requests"
    + r"|\bwhen(?:ever)?\s+(?:the\s+)?(?:[\w-]+\s+){1,3}?so\s+requests?\b"
    r"|\b(?:ends?|ended|ending)\b|\bcancel\w*|\bclos\w*\s+(?:of\s+)?(?:your|its|the)\s+account|\bwind[- ]?down|\boff-?board"
    # an order form that resets the terms' "Export Period" or "Exit Period" speaks of the exit
    r"|\b(?-i:Export|Exit|Transition|Run-?[Oo]ff)\s+(?-i:Period)\b"
)
DELETE_ALT = rx(
    r"\b(?:return|deliver)\w*\s+(?:\w+\s+){0,6}?or\s+(?:\w+ly\s+)?(?:delete|destroy|erase)|"
    r"\b(?:delet|destr|eras)\w*\s+(?:\w+\s+){0,6}?or\s+(?:\w+ly\s+)?return"
)
# "shall delete all Data ... and deliver to the Cooperative a minutes of data destruction": proof of the deletion
PROOF_OF_DELETION = rx(
    r"\bdeliver\w*\s+(?:to\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?(?:a|an|the)?\s*(?:signed\s+|written\s+)?"
    r"(?:(?:certificate|minutes|protocol|confirmation|record|statement|report)\s+of\s+(?:the\s+)?(?:data\s+)?"
    r"(?:destruction|deletion|erasure|disposal)|(?:destruction|deletion|erasure|disposal)\s+(?:certificate|protocol|minutes|"
    r"confirmation|report))"
)


# (and "Yellowline will keep District Data available for export by District administrators")
LETS_IN = rx(r"\b(?:shall|will|must)\s+(?:let|allow|permit|admit|give|grant|afford|keep|make|leave|hold)\b")


def _vendor_lets_in(hit: Hit, roles: Roles) -> bool:
    """'the Operator shall let the Customer's engineers in to remove its servers': the vendor opens the way
    (`roles`: the family's, since an order form often names the vendor its terms define)."""
    text = hit.sentence.text
    return any(
        actor(text, m.start(), m.end(), roles) == "vendor" for m in LETS_IN.finditer(text[: hit.start])
    )


def _vendor_provides(hit: Hit, roles: Roles) -> bool:
    """The vendor returns or makes the data available; the customer exporting counts only when it *may*
    do so (a facility the vendor offers), not when it is merely responsible for it."""
    if hit.role != "customer":
        return True
    text = hit.sentence.text
    if _vendor_lets_in(hit, roles):
        return True
    return (
        bool(SELF_EXPORT.search(text[hit.start : hit.end]))
        and bool(
            re.search(
                # contractions are read as the full modal ("you'll have 30 days to export")
                r"\b(?:may|can|will\s+be\s+able|is\s+entitled|shall\s+be\s+entitled|(?:will|shall)\s+have|opportunity)\b|"
                r"[’']ll\s+(?:have|be\s+able)\b",
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


# the next sentence continues the exit clause: "Such assistance ...", "This period ...", "The Exit Period ..."
# ("The Monthly Minimum Fee remains payable ..." starts another subject)
CONTINUES_EXIT = rx(
    r"\W*(?:such|this|that|these)\b|\W*the\s+(?:[\w-]+\s+){0,2}?(?:period|assistance|services?|support|export|return|"
    r"transition|migration|hand-?over|data|records|files|window)\b"
)


def _following(hits: list[Hit]) -> list[Hit]:
    """The sentence after each hit in the same clause, when it continues the same subject ('Such
    assistance ...', 'This period ...', 'The Exit Period ...')."""
    out = []
    for hit in hits:
        after = [s for s in neighbours(hit.sentence, 1) if s.start > hit.sentence.start]
        if after and CONTINUES_EXIT.match(after[0].text):
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
        prior = sentence_before(hit.sentence)
        if prior and ANAPHOR.search(hit.sentence.text):
            out.append(Hit(prior, hit.element, 0, 0, hit.role, "ok"))
    return out


# "During the Transition-Out Period stated in Item 9, ...": a period called by its defined name, whose length the
# family states where it defines the name, in a table row ("| 9 | Transition-Out Period | thirty (30) days after
# ... |") or a glossary entry ('"Exit Period" means the ninety (90) days following ...')
_NAMED_PERIOD = re.compile(r"\b(?:[A-Z][\w-]*\s+){1,3}(?:Period|Window)\b")
_LEADING_WORD = re.compile(r"^(?:The|During|Within|Throughout|For|Until|After|Before|In)\s+")


def _named_period(hits: list[Hit], ctx: ReviewContext) -> tuple[int | None, Hit | None, str]:
    """The length of the period the hits name by its defined name, read where the family defines it (the names
    gathered first, the family's sentences read once)."""
    names: dict[str, Hit] = {}
    for hit in hits:
        for m in _NAMED_PERIOD.finditer(hit.sentence.text):
            names.setdefault(_LEADING_WORD.sub("", m.group()), hit)
    if not names:
        return None, None, ""
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    defines = re.compile(
        rf"(?:^|\|)\s*[\"“]?(?P<name>{alternation})[\"”]?\s*(?:\||[:–—]|means\b|shall\s+mean\b)", re.M
    )
    for sent in family_sentences(ctx):
        for where in defines.finditer(sent.text):
            if sent is names[where.group("name")].sentence:
                continue
            row = sent.text[where.end() :].split("\n", 1)[0]
            found = [d for d in find_durations(row) if d.unit != "hours" and not is_frequency(row, d)]
            if found:
                note = f" {sent.where} states the {where.group('name')}."
                return found[0].days(), Hit(sent, "period", 0, 0, None, "ok"), note
    return None, None, ""


def _on_exit(hit: Hit) -> bool:
    """The hit speaks of the exit: in its own sentence or lead-in, or through a pointer ('During that
    period ...') to the sentence before it."""
    if EXIT_WHEN.search(hit.sentence.text) or EXIT_WHEN.search(hit.sentence.lead):
        return True
    return any(EXIT_WHEN.search(h.sentence.text) for h in _preceding([hit]))


def _deferred_to_missing_annex(ctx: ReviewContext, req: Requirement, granted: list[Hit]) -> Outcome | None:
    """`unclear` when every clause on exit only defers to an exit plan or annex that is not in the family
    ('the parties shall observe the Exit Plan to be attached as Annex IV'): its terms cannot be checked."""
    # (a stopgap until the missing plan exists is no exit term of its own)
    operative = [
        h for h in granted if not PLACEHOLDER.search(h.sentence.text) and not PENDING.search(h.sentence.text)
    ]
    deferring = [h for h in operative if dangling_reference(ctx, req, [h.sentence]) is not None]
    if not deferring:
        return None
    if len(deferring) < len(operative):
        # "shall carry out the Reversibility operations under the conditions, within the time limits and in the
        # formats defined in the Reversibility Plan (Appendix 5)": the exit's terms live in the missing plan, and no
        # other clause states a period or a format of its own
        if not any(TERMS_DEFINED_IN.search(h.sentence.text) for h in deferring):
            return None
        if _exit_period(operative)[0] is not None or any(FORMAT.search(h.sentence.text) for h in operative):
            return None
    return unclear_reference(ctx, req, deferring)


# "under the conditions, time limits and formats defined in", "which sets out the duration, the format and the cost"
TERMS_DEFINED_IN = rx(
    r"\b(?:conditions|time\s+limits|duration|period|formats?|terms|arrangements|modalities)\b[^.;]{0,80}?\b(?:defined|"
    r"set\s+out|specified|described|laid\s+down|stipulated)\s+in\b|"
    r"\b(?:sets?\s+out|defines?|specifies|lays\s+down|stipulates)\s+(?:the\s+)?(?:conditions|time\s+limits|duration|period|"
    r"formats?|terms|arrangements|modalities)\b"
)


# The family's exit plan, and a plan that is still to be agreed or prepared after signature: "The parties must
# agree the Disengagement Plan within ninety (90) days after the Commencement Date", "The Provider shall, within
# ninety (90) days of the Effective Date, prepare and submit a draft Exit Plan"
PLAN = rx(
    r"\b(?:exit|disengagement|transition(?:-out)?|reverse\s+transition|exit\s+management|termination\s+assistance|"
    r"data\s+migration|reversibility)(?:\s+and\s+(?:migration|transition|handover|hand-over))?\s+plan\b"
)
_START_DATE = r"\b(?:within|no\s+later\s+than)\b[^.;]{0,40}?" + FROM_START_DATE
_PREPARE = r"\b(?:agree\w*|approv\w*|prepar\w*|develop\w*|finali[sz]\w*|submit\w*|sign|draw\w*\s+up|draft\w*|establish\w*)\b"
PLAN_LATER = rx(_PREPARE + r"[^.;]{0,160}?" + _START_DATE + r"|" + _START_DATE + r"[^.;]{0,80}?" + _PREPARE)


def _plan_heading(ctx: ReviewContext) -> bool:
    """A document of the family holds an exit plan under its own heading ('Schedule 6 - Exit Plan' over text)."""
    heading = re.compile(
        r"^[#*\s]*(?:(?:Schedule|Annex(?:ure)?|Appendix|Exhibit|Attachment)\s+[\w.()]+\s*[-–—:.]?\s*)?"
        r"(?:the\s+)?(?:[\w-]+\s+){0,2}?plan\b[^\n]{0,60}$",
        re.I | re.M,
    )
    return any(
        PLAN.search(m.group(0))
        and not PLACEHOLDER.search(m.group(0))
        and not PLACEHOLDER_BODY.match(d.text, m.end())
        and not listed_among_others(d.text, m)
        for d in ctx.documents
        for m in heading.finditer(d.text)
    )


def _plan_still_to_agree(ctx: ReviewContext, granted: list[Hit]) -> Outcome | None:
    """`unclear` when the exit terms are those of an exit plan the parties are still to agree or prepare, no
    document holds the plan, and no clause states an exit period or data format of its own."""
    later = [
        s
        for d in ctx.documents
        for s in doc_sentences(d)
        if PLAN.search(s.text) and PLAN_LATER.search(s.text)
    ]
    if not later or not granted or _plan_heading(ctx):
        return None
    if _exit_period(granted)[0] is not None or any(FORMAT.search(h.sentence.text) for h in granted):
        return None
    return Outcome(
        Status.unclear,
        f"The exit terms are those of an exit plan still to be agreed ({later[0].where}); no document provided "
        "holds the plan, so its period and scope cannot be checked.",
        [Hit(later[0], "plan", 0, 0, None, "ok"), *(h for h in granted[:1] if h.sentence is not later[0])],
        confidence=0.5,
    )


def _period_source(source: Hit | None, granted: list[Hit]) -> list[Hit]:
    """The sentence that states the exit period, quoted too when it is not one of the granting hits
    ('... available for 30 days. During this period the Provider shall cooperate ...')."""
    if source is None or any(h.sentence.start == source.sentence.start for h in granted):
        return []
    return [source]


# "Migration of the legacy documents into the EDMS before the Service Commencement Date": onboarding, not exit
ONBOARDING = rx(
    r"\b(?:before|prior\s+to)\s+(?:the\s+)?(?:service\s+)?(?:commencement|go-?live|launch|cut-?over)|\bonboarding\b|"
    r"\binto\s+the\s+(?:new\s+)?(?:[\w-]+\s+)?(?:platform|service|system|solution)\b|"
    # "migrate the Client's historical data from the existing system", "the initial migration of ... from its legacy tools"
    r"\bfrom\s+(?:the\s+|its\s+|their\s+|your\s+)?(?:existing|legacy|current|old|previous)\s+(?:[\w-]+\s+)?"
    r"(?:system|systems|tools?|platform|software|application)\b|\binitial\s+(?:data\s+)?migration\b"
)


# ... unless the sentence speaks of the exit ("migrate the data into the replacement system on termination")
EXIT_CONTEXT = rx(
    r"\bterminat|\bexpir|\bexit\b|\bsuccessor|\breplacement|\boff-?board|\bend\s+of\s+the\s+(?:term|agreement)"
)


# "The annexes are: ... Annex (5) Exit Plan.": the title of an annex in a list of annexes names it, it obliges
# nobody
ANNEX_TITLE = rx(
    r"\b(?:Annex|Schedule|Appendix|Exhibit|Attachment)\s+\(?[A-Z0-9][\w.]*\)?\s*[-–—:]?\s*(?:the\s+)?$"
)


def _delivers_proof_only(hit: Hit) -> bool:
    """The hit's 'deliver' hands over proof that the data was destroyed, not the data."""
    return any(m.start() <= hit.start < m.end() for m in PROOF_OF_DELETION.finditer(hit.sentence.text))


AFTER_ANCHOR = rx(
    r"\b(?:after|following|upon|on|at)\s+(?:the\s+)?(?:completion|end|expiry|expiration|conclusion)\s+of\s+"
    r"(?:the\s+|such\s+|all\s+|any\s+)?(?:[\w-]+\s+){0,2}$"
)
CHARGED = rx(
    r"\bat\s+(?:the\s+|its\s+|our\s+)?(?:then[- ]?current\s+|current\s+|standard\s+|applicable\s+)?(?:hourly|daily|time[- ]and[- ]materials?|"
    r"professional\s+services?)\s+(?:rates?|fees?|charges?)|\bat\s+the\s+(?:hourly|daily)\s+rate\b|\bcharged\s+(?:separately|"
    r"according\s+to|at)\b"
)


@register("exit_assistance")
def exit_assistance(req: Requirement, ctx: ReviewContext) -> Finding:
    """Transition services and/or data return in a usable format for a defined period on exit."""
    # "continue the Services for a run-off period of six months" counts; "delete after the Exit Period" not
    periods = scan(ctx, "transition", EXIT_PERIOD, within=END)
    transition = (
        [
            h
            for h in scan(ctx, "transition", TRANSITION)
            if not (ONBOARDING.search(h.sentence.text) and not EXIT_CONTEXT.search(h.sentence.text))
            and not ANNEX_TITLE.search(h.sentence.text[max(0, h.start - 30) : h.start])
            # ("Following completion of the deconversion services, Vendor shall purge ...": a time, the deletion's)
            and not (AFTER_ANCHOR.search(h.sentence.text[: h.start]) and DELETE_VERB.search(h.sentence.text))
        ]
        + [h for h in periods if not DELETE_VERB.search(h.sentence.text) and find_durations(h.sentence.text)]
    )
    data = [h for h in scan(ctx, "return", RETURN_DATA, actors=None) if _on_exit(h)]
    roles = family_roles(ctx.documents)
    data = [
        h
        for h in data
        if not DELETE_ALT.search(h.sentence.text)
        and not _delivers_proof_only(h)
        and _vendor_provides(h, roles)
        and not (h.role != "customer" and OWN_THINGS.match(h.sentence.text[h.start : h.end]))
    ]
    granted_t, granted_d = ok(transition), ok(data)
    deferred = _deferred_to_missing_annex(ctx, req, granted_t + granted_d) or _plan_still_to_agree(
        ctx, granted_t + granted_d
    )
    if deferred is not None:
        return to_finding(req, deferred)
    period, source, note = _exit_period(granted_t or granted_d)
    if period is None and granted_t:  # assistance on request, while the data stays exportable for 90 days
        period, source, note = _exit_period(granted_d)
    if period is None and (granted_t or granted_d):  # "Such assistance shall be provided for 90 days."
        period, source, note = _exit_period(_following(granted_t or granted_d))
    if period is None and (granted_t or granted_d):  # "... for 45 days. During that time you can export"
        period, source, note = _exit_period(_preceding(granted_t or granted_d))
    if period is None and (granted_t or granted_d):  # "During the Transition-Out Period stated in Item 9"
        period, source, note = _named_period(granted_t or granted_d, ctx)
    if source is not None:
        # "by derogation from Article 14.1 of the CG the Reversibility Period is reduced to fifteen (15) days": a
        # prevailing document restates the period of the clause that set it
        for sent in overriding_sentences(source, ctx):
            found = [
                d for d in find_durations(sent.text) if d.unit != "hours" and not is_frequency(sent.text, d)
            ]
            if found:
                period, source = found[0].days(), Hit(sent, "period", 0, 0, None, "ok")
                note = f" {sent.where} restates the exit period as {period} days."
                break
    params: dict[str, int | float | str | bool | None] = {"period_days": period}
    weak: list[str] = []
    if granted_t:
        what = f"The vendor provides transition assistance on exit ({granted_t[0].sentence.where})."
        if period is None and all(CHARGED.search(h.sentence.text) for h in granted_t):
            # "Assistance with the transfer to another supplier is provided at the hourly rate in force": a service
            # the customer may buy, with no period promised (a copy of the data on request, even in a stated
            # format, is a data return with no period)
            weak.append(
                "transition help only as a paid service, and data return with no exit period"
                if granted_d
                else "transition help only as a paid service, with no exit period or data format"
            )
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
        granted_t + granted_d + _period_source(source, granted_t + granted_d),
        present_reason=what + note,
        weak=weak,
        params=params,
        rejected=[h for h in transition + data if not h.ok],
        ctx=ctx,
        missing_reason="No clause obliges the vendor to provide exit assistance or return data on exit.",
    )
    return to_finding(req, out)
