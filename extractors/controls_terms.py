"""Rule extractors for the contract term: termination for convenience (with lock-in and exit fees) and
term and renewal notice. Both read the initial term (`_term_months`)."""

from __future__ import annotations

import datetime
import re

from assistant.models import Document, Finding, Status
from assistant.playbook import Requirement
from extractors.base import ReviewContext, register
from extractors.parties import actor, family_roles
from extractors.rules import (
    INDEX_LINKED,
    Hit,
    Outcome,
    citing_sentences,
    decide,
    disapplied,
    duration_param,
    notice_param,
    ok,
    overridden_by,
    pick_value,
    precedence,
    rx,
    scan,
    switches_off,
    to_finding,
    unclear_reference,
)
from extractors.spans import (
    RUN_IN_LABEL,
    Sentence,
    doc_sentences,
    family_sentences,
    glued_heading_end,
    neighbours,
    notice_durations,
    target_missing,
)
from extractors.text import MONTH_NAMES, find_durations, fragments, negated_before, parse_number

# --- termination for convenience -----------------------------------------------------------------
TERMINATE = rx(
    # "retrieve it at any time before the termination date": a noun naming a date or a fee is no act of ending
    # Quebec civil law "resiliates" a contract for services (art. 2125 C.C.Q.)
    r"\b(?:terminat|cancel|resiliat|résili)\w*\b(?!\s+(?:date|day|fees?|charges?|payments?|costs?)\b)|\bclose\s+(?:your|its|the)\s+account|"
    # CIS drafting "unilaterally refuse to perform this Agreement" (odnostoronniy otkaz); the EU Data Act's right
    # "to initiate a switch to another provider", which ends the contract
    r"\brefuse\s+(?:to\s+perform|the\s+performance\s+of)\s+(?:this|the)\s+(?:agreement|contract)\b|"
    r"\binitiat\w*\s+(?:a\s+)?switch(?:ing)?\b|"
    # civil-law "withdrawal from the contract" (odstoupení, Rücktritt, odustajanje) ends it too
    r"\bwithdraw\w*\s+from\s+(?:this|the)\s+(?:[\w-]+\s+){0,2}?(?:agreement|contract)\b|"
    # "end this Call-Off Contract", "end the Master Services Agreement": titled agreements too
    r"\b(?:end|exit)\s+(?:this|the|its|your|any|an?)\s+(?:[\w-]+\s+){0,3}?(?:agreement|contract|subscription|order|services?|"
    r"schedule|statement\s+of\s+work|SOW)\b|"
    # "You can leave at any time, for any reason": leaving is ending only with a convenience or notice phrase.
    r"\b(?:leave|walk\s+away)\b(?=[^.;]{0,80}(?:for\s+any\s+reason|convenience|without\s+(?:cause|reason)|notice))"
)
FOR_CAUSE = rx(r"breach|for\s+cause|default|insolv|bankrupt|\bfails?\b|failure|violat")
# Ending with no reason to be given, however a translated civil-law text words it ("without expressing
# cause", "without the need to justify", "without stating any grounds"): the right is unconditional.
_NO_REASON = (
    r"without\s+(?:any\s+)?(?:cause|reasons?|grounds|justification|motive)\b|"
    r"without\s+(?:having\s+to\s+|the\s+need\s+to\s+|(?:any\s+)?need\s+to\s+|being\s+required\s+to\s+)?"
    r"(?:giv|stat|show|express|indicat|specify|specifi|provid|assign|justif)\w*\s+(?:a\s+|any\s+|the\s+)?"
    r"(?:(?:just|specific|valid)\s+)?(?:reasons?|causes?|grounds|justification|motives?)\b|"
    r"without\s+(?:having\s+to\s+|the\s+need\s+to\s+|(?:any\s+)?need\s+to\s+)?justif\w*"
)
# "Each Party may terminate the Agreement with six (6) months' notice": a right to end on notice alone, with no
# ground stated, is the convenience right of civil-law and indefinite-term drafting (kept only when no
# condition is attached, see `_conditional_notice_only`)
# CIS drafting ends a contract by "unilaterally refusing to perform it" (odnostoronniy otkaz ot ispolneniya)
_REFUSE = r"refuse\s+(?:to\s+perform|the\s+performance\s+of)"
_GLOSS = r"(?:\s+\([^()]{1,40}\))?"
_ON_NOTICE = (
    # "may terminate this Agreement in whole, or in respect of one or more Properties, by giving the Service
    # Provider at least ninety (90) days' written notice"
    # (a term of art in brackets may follow the verb: "terminate (opzeggen) this Agreement by registered letter")
    rf"\b(?:terminat\w*|cancel\w*|{_REFUSE}){_GLOSS}\s+(?:this|the|its|any)\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:(?:in\s+whole|wholly|in\s+part|partly|in\s+respect\s+of)\b[^.;]{0,80}?,\s+)?"
    r"(?:(?:by|in)\s+(?:a\s+)?(?:registered|recorded|certified|written)\s+(?:letter|mail|post)\w*,?\s+)?(?:with|on|upon|by\s+giving|by\s+serving|"
    r"subject\s+to)\s+(?:(?:to\s+)?the\s+(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,2}\s+)?"
    r"(?:at\s+least\s+|not\s+less\s+than\s+|a\s+minimum\s+of\s+)?(?:[\w()'’-]+\s+){1,4}?"
    r"(?:(?:prior|advance|written)\s+){0,3}notice\b|"
    # "may terminate this Agreement early by notifying the Contractor in writing ninety (90) days in advance"
    # (and "unilaterally refuse the performance of the Agreement out of court by notifying the Executor thereof in
    # writing not less than 30 (thirty) calendar days before the expected date of termination")
    rf"\b(?:terminat\w*|cancel\w*|{_REFUSE}){_GLOSS}\s+(?:this|the|its|any)\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:[\w-]+,?\s*(?:out\s+of\s+court|unilaterally|in\s+writing),?\s*)?by\s+(?:notifying|informing|"
    r"giving\s+notice\s+to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:in\s+writing\s+)?(?:at\s+least\s+|not\s+less\s+than\s+)?"
    r"(?:[\w()'’-]+\s+){1,4}?(?:days?|weeks?|months?)['’]?\s+(?:in\s+advance|beforehand|prior|before\s+the\s+(?:\w+\s+)?date)"
)
CONDITION = rx(
    r"\b(?:if|where|in\s+the\s+event|in\s+case|should|provided\s+that|when|unless|following|upon\s+the\s+occurrence)\b"
)
# Public procurement law's own convenience right: the authority may end the contract "on grounds of public
# interest" (résiliation pour motif d'intérêt général, resolução por razões de interesse público).
_PUBLIC_INTEREST = (
    r"\b(?:on|for)\s+(?:the\s+)?(?:grounds?|reasons?)\s+of\s+(?:the\s+)?(?:general\s+|public\s+)interest|"
    r"\bin\s+the\s+(?:general\s+|public\s+)interest\b"
)
CONVENIENCE = rx(
    _ON_NOTICE + r"|" + _PUBLIC_INTEREST + r"|"
    r"for\s+(?:its\s+|their\s+)?convenience|for\s+any\s+(?:or\s+no\s+)?reason|for\s+no\s+reason|"
    r"\bswitch\w*\s+to\s+(?:another|a\s+different|a\s+new)\s+provider\b|"
    r"at\s+any\s+time[^.;]{0,60}(?:upon|on|with|by\s+giving)[^.;]{0,40}notice|"
    + _NO_REASON
    + r"|\bat\s+any\s+time\b|"
    # "may terminate this Agreement before the end of the then-current term on 90 days' notice"
    # ("terminate the subscriptions for all or any location before the end of the Minimum Term by 30 days' notice")
    r"\b(?:terminat\w*|end|cancel\w*)\s+(?:[\w-]+\s+){0,8}?(?:before|prior\s+to)\s+the\s+(?:end|expiry|expiration)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:term|period)\b"
    r"[^.;]{0,20}?\b(?:on|by|upon|with)\s+(?:giving\s+)?(?:[\w()'’-]+\s+){0,6}?notice"
)
MUTUAL = rx(
    r"\bby\s+mutual\s+(?:written\s+)?(?:agreement|consent)|\bby\s+(?:written\s+)?agreement\s+(?:of|between)\s+the\s+parties\b|"
    r"\bif\s+the\s+parties\s+(?:so\s+)?(?:mutually\s+)?agree|\bmutually\s+agree"
)
_EXPLICIT = rx(
    r"convenience|for\s+any\s+(?:or\s+no\s+)?reason|for\s+no\s+reason|" + _PUBLIC_INTEREST + "|" + _NO_REASON
)
ALL_FEES = rx(
    r"(?:pay|payment\s+of|liable\s+for|owe|remain\s+(?:liable|responsible)|accelerat|fee\s+equal\s+to)\w*[^.;]{0,160}"
    r"(?:all\s+|any\s+)?(?:remaining|outstanding|unpaid|balance|remainder|rest\s+of)[^.;]{0,80}(?:fees|term|amounts|charges)|"
    r"fees\s+for\s+the\s+(?:remainder|balance|rest|full)\s+(?:of\s+the\s+)?|all\s+fees\s+for\s+the\s+(?:full|entire|whole)|"
    r"(?:become|becomes)\s+(?:immediately\s+)?due\s+(?:and\s+payable\s+)?(?:up)?on\s+(?:cancel|terminat)"
)
REMAINING_FEES = rx(
    r"\b(?:unexpired|remaining|residual)\s+(?:portion|part|period|balance|term|months)\s+of\s+(?:the\s+|its\s+)?(?:[\w-]+\s+)?"
    r"(?:term|subscription|contract|agreement|period)|"
    r"(?:balance|remainder|rest)\s+of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,2}(?:fees|charges|contract\s+value|term|"
    r"subscription)|(?:fees|charges|amounts)\s+(?:\w+\s+){0,3}(?:remaining|outstanding)\s+(?:for|under|in)\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:term|period|subscription)|(?:fees|charges|amounts|sums)\s+(?:that|which)\s+(?:\w+\s+){0,3}?would\s+(?:otherwise\s+)?"
    r"have\s+(?:been\s+)?(?:payable|due|paid|invoiced|received|earned|accrued)|\b(?:full|total|entire|whole)\s+(?:contract|agreement|order)\s+value|"
    r"\b100\s*%\s+of\s+(?:the\s+|all\s+)?(?:\w+\s+){0,2}(?:fees|charges)|"
    # "compensation ... fixed at the amount of the price corresponding to the services that remain to be provided
    # until the end of the term"
    r"\b(?:price|fees?|charges?|value)\s+(?:corresponding\s+to|of|for)\s+(?:the\s+|all\s+)?(?:[\w-]+\s+)?(?:services|supplies|"
    r"deliverables|work)\s+(?:that|which)\s+(?:remain|are\s+left|are\s+still)\s+to\s+be\s+(?:provided|performed|delivered|supplied)|"
    # "the average monthly price multiplied by the number of months remaining until the end of the term"
    r"\b(?:multiplied\s+by|times)\s+(?:the\s+)?number\s+of\s+(?:\w+\s+)?(?:months|years|periods)\s+(?:remaining|left|outstanding)|"
    # "an indemnity equal to all the fees remaining due until the end of the Firm Period"
    r"\b(?:fees|charges|amounts|sums)\s+(?:remaining|still|outstanding)\s+(?:due|payable|to\s+be\s+paid)\s+(?:until|up\s+to|to|"
    r"through)\s+the\s+(?:end|expiry|expiration)\b|"
    # "pay the fees for the entire remaining Subscription Period"
    r"\b(?:fees|charges|amounts)\s+(?:due\s+)?for\s+the\s+(?:entire\s+|whole\s+|full\s+)?(?:remaining|unexpired)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:term|period|subscription|contract)|"
    r"\b(?:all|entire|full)\s+(?:[\w-]+\s+)?(?:fees|charges)\s+for\s+the\s+(?:current|then[- ]current|remaining|entire|full|whole|"
    r"initial)\s+(?:[\w-]+\s+)?(?:term|period|year)"
)
PAYABLE = rx(
    r"\bpa(?:y|ys|id|ying|yable|yment)\b|\bdue\b|\bowe|\bliab|\bcharge|\bfee\b|\baccelerat|\binvoice|\bcompensat"
)
# "non-refundable" refunds nothing, and a "Credit Union" (a name) credits nothing
REFUND = rx(r"(?<!non-)(?<!non)\brefund\w*|\b(?!(?-i:Credit\s+[A-Z]))credit\w*")
PARTIAL_FEE = rx(
    r"\b\d{1,2}\s*%|\b(?:one|two|three|four|five|six|\d)\s*(?:\(\d+\)\s*)?months?'?\s*(?:of\s+)?(?:the\s+)?fees"
)
LOCKIN = rx(
    r"(?:after|following|not\s+before|no\s+earlier\s+than|not\s+earlier\s+than|on\s+or\s+after|not\s+prior\s+to)\s+"
    r"(?:the\s+)?(?:end|expiry|expiration|completion|lapse)?\s*(?:of\s+)?(?:the\s+)?(?:first|initial)\s+"
)
ANNIVERSARY = rx(
    # "the fifth (5th) anniversary of the Go-Live Date"
    r"(?P<n>first|second|third|fourth|fifth|\d)(?:st|nd|rd|th)?(?:\s*\(\d(?:st|nd|rd|th)?\))?\s+anniversary|"
    # "with effect from the end of the third Contract Year"
    r"(?:end\s+of|after|following|from|expiry\s+of|completion\s+of)\s+(?:the\s+)?(?P<y>first|second|third|fourth|fifth|\d)"
    r"(?:st|nd|rd|th)?\s+(?:contract\s+|subscription\s+|agreement\s+)?year\b"
)
TIME_LIMITED = rx(
    r"\b(?:prior\s+to|before|during|until|earlier\s+than|within\s+the\s+first|throughout|for\s+the\s+duration\s+of)\b"
)
NO_CONVENIENCE = rx(r"\b(?:may\s+not|cannot|shall\s+not|not\s+be\s+entitled\s+to|no\s+right\s+to)\s+terminat")
INITIAL_TERM = rx(
    r"(?:after|following|end\s+of|expiry\s+of|expiration\s+of|during|throughout|duration\s+of)\s+(?:the\s+)?"
    r"(?:initial|minimum|committed|first|firm|fixed|base)\s+"
    r"(?:subscription\s+)?(?:term|period)"
)


_BEFORE_END = rx(r"\b(?:before|prior\s+to)\s+the\s+$")
_NOT_BEFORE_END = rx(r"\bnot\s+(?:[\w-]+\s+){0,3}?(?:before|prior\s+to)\s+the\s+$")


def _after_initial_term(text: str) -> bool:
    """The right hangs on the initial term: 'after the Minimum Term', 'notice shall not expire before the end of
    the Minimum Term' (but 'may terminate ... before the end of the Minimum Term on payment of the fees' is a
    right during the term, no lock-in)."""
    for m in INITIAL_TERM.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        if _BEFORE_END.search(before) and not _NOT_BEFORE_END.search(before):
            continue
        return True
    return False


# "no right to terminate for convenience before the expiry of the Initial Term or of any Renewal Term": a ban
# that runs to the end of every term never lifts
EVERY_TERM = rx(
    r"\b(?:any|each|every|all)\s+(?:renewal|extension|subsequent|extended)\s+(?:terms?|periods?)|\bthen[- ]current\s+(?:term|period)"
)


def _time_limited_ban(hit: Hit, term_months: int | None, fixed_renewals: bool = False) -> bool:
    """A ban on convenience termination that only lasts for a stated time grants the right afterwards."""
    if hit.verdict != "negated" or not TIME_LIMITED.search(hit.sentence.text):
        return False
    if EVERY_TERM.search(hit.sentence.text):
        return False
    # "During the firm period, neither Party may terminate for convenience. The Client expressly waives any right
    # of unilateral early termination other than those provided in Article 19.": no right opens afterwards either
    if any(WAIVES_ANY.search(s.text) for s in neighbours(hit.sentence, 2)):
        return False
    lockin = _lockin_months([hit], term_months)
    if lockin is None:
        return False
    # "During the firm period, the Client waives the right to terminate ... without cause": a ban that lasts the whole
    # initial term of a contract that then renews for fixed periods leaves only the renewal's own notice, no right to
    # end a running period (unlike one that then continues for an indefinite period, terminable on notice)
    if (
        fixed_renewals
        and lockin == term_months
        and re.search(r"\b(?:firm|initial|minimum)\s+(?:period|term)\b", hit.sentence.text, re.I)
    ):
        return False
    hit.verdict = "ok"
    return True


WAIVES_ANY = rx(
    r"\bwaive\w*\s+(?:any|all)\s+(?:other\s+)?rights?\s+(?:of|to)\s+(?:unilateral\s+|early\s+){0,2}terminat\w*"
)


NOT_LIABLE = rx(
    r"\b(?:not|never|no\s+longer)\s+(?:be\s+)?(?:liable|responsible|obliged|required|obligated)\s+(?:to\s+pay\s+)?"
    r"(?:for\s+)?[^.;]{0,80}(?:$|remain|outstanding|would\s+have)"
)


# "... and the paragraph of the Standard Terms that requires payment of the fees for the rest of the Minimum Term
# does not apply": the charge is lifted
DISAPPLIED = rx(
    r"\b(?:does|do|shall|will)\s+not\s+apply\b|\b(?:is|are)\s+(?:hereby\s+)?(?:waived|disapplied)\b"
)


def _all_remaining_fees(text: str) -> bool:
    """The exit costs all the fees for the rest of the term: 'pay all fees for the remainder of the Term',
    'the balance of the Subscription Fees shall become payable', 'a charge equal to the fees that would
    have been payable' (a refund of the remaining fees, or a few months' fees, is not)."""
    if DISAPPLIED.search(text):
        return False
    refund = REFUND.search(text)
    if refund and not negated_before(text, refund.start()):
        return False  # "Vendor shall refund any prepaid fees for the remainder of the Term"
    every = ALL_FEES.search(text)
    if (
        every
        and not PARTIAL_FEE.search(text)
        and not NOT_LIABLE.search(text[max(0, every.start() - 120) : every.end()])
    ):
        return True
    m = REMAINING_FEES.search(text)
    if m is None or PARTIAL_FEE.search(text) and not re.search(r"\b100\s*%", text):
        return False
    if NOT_LIABLE.search(text[max(0, m.start() - 120) : m.start()]):
        return False  # "is not liable for ... Charges that would have been payable after termination"
    return bool(PAYABLE.search(text[max(0, m.start() - 120) : m.end() + 120]))


LOCKIN_AFTER = rx(
    r"^\W*(?:\w+\s+){0,2}?(?:after|from|following|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:date|term|agreement|contract|commencement|start|go-?live)"
)
LOCKIN_PERIOD = rx(
    r"(?:minimum|commitment|committed|lock-?in|non-?cancell?able|initial)\s+(?:\w+\s+)?(?:term|period)\s+(?:of\s+)?$"
)
LOCKIN_NAMED = rx(
    r"(?:lock-?in|minimum\s+commitment|non-?cancell?able)\s+(?:\w+\s+)?(?:term|period)\s+(?:of\s+)?$"
)
LOCKIN_BEFORE = rx(
    r"(?:earlier\s+than|before|until|prior\s+to|after|following|during|within|first|initial|falling|end\s+of)\s+"
    # "not earlier than after the lapse of 36 months": the lapse of a period is its end
    r"(?:the\s+)?(?:(?:lapse|expiry|expiration|passage|elapse)\s+of\s+(?:the\s+)?)?(?:first\s+|initial\s+)?$"
)


# Austrian and German drafting: "The Parties waive the right of ordinary termination for a period of 36 months"
WAIVED_FOR = rx(
    r"\bwaive\w*\s+(?:the\s+|their\s+|its\s+)?(?:right\s+(?:of|to)\s+)?(?:ordinary\s+)?terminat\w*[^.;]{0,80}?"
    r"\bfor\s+(?:a\s+(?:period|term)\s+of\s+)?"
)


def _lockin_months(hits: list[Hit], term_months: int | None) -> int | None:
    """Months before the customer may terminate for convenience, if the clause states a lock-in."""
    ordinals = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
    for hit in hits:
        text = hit.sentence.text
        for m in (LOCKIN.search(text), WAIVED_FOR.search(text)):
            following = [d for d in find_durations(text) if m and 0 <= d.start - m.end() <= 10]
            if following:
                return following[0].months()
        for d in find_durations(text):
            before = text[max(0, d.start - 40) : d.start]
            if d.unit in {"months", "years"} and LOCKIN_BEFORE.search(before):
                if LOCKIN_AFTER.search(text[d.end : d.end + 50]):
                    return d.months()  # "no earlier than 36 months after the Effective Date"
            if d.unit in {"months", "years"} and LOCKIN_NAMED.search(before):
                return d.months()  # "subject to a lock-in period of 30 months"
            if d.unit in {"months", "years"} and LOCKIN_PERIOD.search(before) and NO_CONVENIENCE.search(text):
                return d.months()  # "a minimum commitment period of 36 months, during which Customer may not"
        om = ORDINAL_MONTH.search(text)
        if om:
            return int(om.group("n"))
        a = ANNIVERSARY.search(text)
        if a:
            word = (a.group("n") or a.group("y")).lower()
            n = ordinals.get(word) or parse_number(word) or 1
            return 12 * n
        if _after_initial_term(text) and term_months is not None:
            return term_months
    return None


EVENT_BEFORE = rx(
    # ("upon its earlier termination for any reason")
    r"\b(?:upon|on|following|after|at|in\s+the\s+event\s+of|on\s+or\s+after|(?:date|day|time)\s+of)\s+(?:the\s+|any\s+|its\s+|their\s+)?"
    r"(?:earlier\s+|early\s+|premature\s+)?(?:expiry\s+or\s+|expiration\s+or\s+)?$"
)


def _lead_trigger_only(hit: Hit) -> bool:
    """'Upon termination of this Agreement for any reason: (a) Customer shall pay ...': the convenience
    words belong to a lead-in that names the event; the list items are its consequences."""
    lead = hit.sentence.lead
    if not lead or CONVENIENCE.search(hit.sentence.text):
        return False
    m = TERMINATE.search(lead)
    return bool(m and EVENT_BEFORE.search(lead[max(0, m.start() - 40) : m.start()]))


def _conditional_notice_only(hit: Hit) -> bool:
    """'If the force majeure lasts 60 days, either party may terminate on 30 days' notice': a right on notice
    that hangs on an event is not a convenience right (any other convenience wording keeps the hit)."""
    text = hit.sentence.text
    base = CONVENIENCE.pattern.replace(_ON_NOTICE + "|", "", 1)
    if re.search(base, text, re.I) or not re.search(_ON_NOTICE, text, re.I):
        return False
    return _event_condition(text) or _event_condition(hit.sentence.lead)


# "..., provided that the Customer pays the fees for the remaining term": a price of the right, not an event
# and "..., provided that the termination date shall not be earlier than the end of the thirtieth (30th) month": a
# lock-in, which `_lockin_months` reads (as is "provided that the termination may not take effect before the end of
# the thirty-sixth (36th) month", "provided that such notice shall not expire before the fifth anniversary")
_PRICE_PROVISO = rx(
    r"provided\s+that[^.;]{0,60}?\b(?:pay|pays|paying|payment|compensat\w*)\b|"
    r"provided\s+that\s+(?:the\s+|such\s+)?(?:termination|effective|notice)\s+(?:date\s+)?(?:of\s+(?:\w+\s+){1,3})?"
    r"(?:shall|will|may)\s+not\s+(?:be\s+|take\s+effect\s+|expire\s+)?(?:earlier|before|prior)"
)


def _event_condition(text: str | None) -> bool:
    """A condition word that hangs the right on an event (a proviso that only prices the right is none)."""
    if not text:
        return False
    return any(not _PRICE_PROVISO.match(text, m.start()) for m in CONDITION.finditer(text))


def _trigger_only(hit: Hit) -> bool:
    """'Upon the expiry or termination of this Agreement for any reason, the Licensor shall ...': the
    termination is the event a duty hangs on, not a right to terminate."""
    text = hit.sentence.text
    if not re.match(r"terminat(?:ion|ed)\b", text[hit.start : hit.end + 4], re.I):
        return False
    if re.search(r"\b(?:may|can|is\s+entitled\s+to|has\s+the\s+right\s+to)\s+terminat", text, re.I):
        return False
    return bool(EVENT_BEFORE.search(text[max(0, hit.start - 40) : hit.start]))


ORDINAL_MONTH = rx(
    r"(?:earlier\s+than|before|until|prior\s+to|after|following|end\s+of)\s+(?:the\s+)?(?:last\s+day\s+of\s+the\s+|end\s+of\s+the\s+)?"
    r"(?:[a-z-]+\s*)?\(?(?P<n>\d{1,3})(?:st|nd|rd|th)\)?\s+(?:calendar\s+|contract\s+)?month"
)


# "Either party may terminate this SOW only in accordance with Section 14 of the MSA": every termination
# right lives in a document that is not in the family
ONLY_UNDER = rx(
    r"\bonly\s+(?:in\s+accordance\s+with|as\s+(?:provided|permitted|set\s+out)\s+(?:in|by|under)|under|pursuant\s+to)\s+"
    r"(?P<target>[^.;]{1,80})"
)


def _terminable_only_elsewhere(ctx: ReviewContext) -> Outcome | None:
    """`unclear` when the customer's termination rights are confined to a document not provided."""
    for hit in scan(ctx, "terminate", TERMINATE, within=ONLY_UNDER, actors=("customer", "both", None)):
        m = ONLY_UNDER.search(hit.sentence.text, hit.end)
        if hit.ok and m and target_missing(m.group("target"), ctx.documents, source=hit.sentence.doc):
            return Outcome(
                Status.unclear,
                f"{hit.sentence.where} allows termination only under {m.group('target').strip()}, "
                "which is not in the documents provided or is only a placeholder.",
                [hit],
                confidence=0.5,
            )
    return None


def _banned_in_prevailing_document(granted: list[Hit], ctx: ReviewContext) -> bool:
    """'The Customer may not terminate the Subscription before the end of the Committed Term or of any
    Renewal Term' in the order form overrides the online terms' 'cancel a monthly plan at any time'."""
    found = scan(ctx, "ban", NO_CONVENIENCE, actors=("customer", "both", None))
    bans = [h for h in found if h.verdict in ("ok", "negated") and EVERY_TERM.search(h.sentence.text)]
    return bool(bans) and all(min(precedence(b) for b in bans) < precedence(g) for g in granted)


# "subject to payment of the Termination Payment in accordance with Schedule 5": the fee named by a defined
# term, whose amount the family states elsewhere
_NAMED_PAYMENT = rx(
    r"\b(?:payment\s+of|paying|pay)\s+(?:the\s+)?(?P<term>(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}))"
)


EARLY_FEE = rx(r"\b(?:early\s+)?(?:termination|cancellation|exit)\s+(?:fee|charge|payment)s?\b")


def _family_fee(granted: list[Hit], ctx: ReviewContext) -> list[Sentence]:
    """An all-remaining-fees charge stated away from the convenience right: under the payment the right
    names ("subject to payment of the Termination Charge" -> the sentence that defines the charge), or as
    an early termination fee in another document of the family (an order form that prevails over the
    online terms' 'cancel at any time')."""
    if not granted:
        return []
    fees = [s for s in family_sentences(ctx) if _all_remaining_fees(s.text)]
    for hit in granted:
        m = _NAMED_PAYMENT.search(hit.sentence.text)
        if m is not None:
            name = re.compile(rf"\b{re.escape(m.group('term'))}\b", re.I)
            here = (hit.sentence.doc.id, hit.sentence.start)
            named = [s for s in fees if (s.doc.id, s.start) != here and name.search(s.text)]
            if named:
                return named[:1]
    other_doc = granted[0].sentence.doc.id
    return [s for s in fees if s.doc.id != other_doc and EARLY_FEE.search(s.text)][:1]


NON_PREFIX = rx(r"\bnon[-\s]?$")


# An item of a list of ways the contract ends ("This contract shall terminate: ... b) By unilateral decision of
# either of the parties, ... by means of written notice given at least ninety (90) days in advance")
LISTED_CONVENIENCE = rx(
    r"\b(?:unilateral\s+(?:decision|notice|will|act)|unilaterally)\b(?=[^.;]{0,240}?\bnotice\b)|"
    r"\bby\s+(?:written\s+)?notice\b(?=[^.;]{0,160}?\b(?:days?|months?|weeks?)\b)[^.;]{0,160}?\b(?:without\s+"
    r"(?:any\s+)?(?:cause|reason|grounds|justification))"
)


def _listed_convenience(ctx: ReviewContext) -> list[Hit]:
    """Convenience grounds listed under a lead-in that names the ending ('This contract shall terminate:'),
    read item by item where several items share one sentence."""
    roles = family_roles(ctx.documents)
    out = []
    for h in scan(ctx, "terminate", LISTED_CONVENIENCE, within=TERMINATE, actors=None):
        text = h.sentence.text
        if not TERMINATE.search(h.sentence.lead) or TERMINATE.search(text):
            continue
        # the items of one list sentence: "(c) by either party on breach ...; and (d) unilaterally by THE CLIENT"
        for start, end in fragments(text):
            item = text[start:end]
            m = LISTED_CONVENIENCE.search(item)
            if m and not FOR_CAUSE.search(item) and actor(item, m.start(), m.end(), roles) != "vendor":
                out.append(Hit(h.sentence, "terminate", start + m.start(), start + m.end(), None, "ok"))
                break
    return out


@register("termination_convenience")
def termination_convenience(req: Requirement, ctx: ReviewContext) -> Finding:
    """The customer may terminate for convenience (wholly or per service)."""
    hits = scan(ctx, "terminate", TERMINATE, within=CONVENIENCE, actors=("customer", "both", None))
    hits += _listed_convenience(ctx)
    for h in hits:
        if NON_PREFIX.search(h.sentence.text[max(0, h.start - 5) : h.start]):
            h.verdict = "negated"  # "orders are non-cancellable": the word itself denies the right
    hits = [h for h in hits if _EXPLICIT.search(h.sentence.text) or not FOR_CAUSE.search(h.sentence.text)]
    hits = [h for h in hits if not _trigger_only(h) and not _lead_trigger_only(h)]
    hits = [h for h in hits if not _conditional_notice_only(h)]
    # "The Contracting Parties may terminate this Contract at any time by mutual written agreement": no one party's
    # right
    hits = [h for h in hits if not MUTUAL.search(h.sentence.text)]
    granted = ok(hits)
    term = _term_months(ctx)[0]
    if not granted:
        # "may not terminate for convenience before the date falling 30 months after ...": a lock-in
        sents = family_sentences(ctx)
        fixed = any(AUTO.search(s.text) for s in sents) and not any(
            CONTINUATION.search(s.text) for s in sents
        )
        granted = [h for h in hits if _time_limited_ban(h, term, fixed)]
    elsewhere = None if granted else _terminable_only_elsewhere(ctx)
    if elsewhere is not None:
        return to_finding(req, elsewhere)
    if granted and _banned_in_prevailing_document(granted, ctx):
        granted = []
    # "Clause 14.3 of the MSA (termination for convenience) does not apply to this Order Form"
    granted = [h for h in granted if not disapplied(h, ctx) and not switches_off(h)]
    # the prevailing document's right with its own, smaller charge ("subject to a termination fine of 20% of the
    # monthly fees remaining") sets the price; the general terms' all-fees clause yields to it
    top = min((precedence(h) for h in granted), default=0)
    priced = [h for h in granted if precedence(h) == top and PARTIAL_FEE.search(h.sentence.text)]
    fee_from = [h for h in granted if precedence(h) == top] if priced else granted
    fee = [s for h in fee_from for s in neighbours(h.sentence, 2) if _all_remaining_fees(s.text)]
    fee = fee or ([] if priced else _family_fee(granted, ctx))
    waivers = [h for h in scan(ctx, "waiver", WAIVED_FOR, actors=None) if h.ok] if granted else []
    lockin = _lockin_months(granted + [h for h in hits if h.verdict == "negated"] + waivers, term)
    if lockin is None and any(_after_initial_term(h.sentence.text) for h in granted + hits):
        lockin = 10**3 if term is None else term  # "only after the Minimum Term" of unstated length
    days = notice_param(granted)[0]
    weak = [f"the customer must pay all remaining fees ({fee[0].where})"] if fee else []
    if lockin == 10**3:
        weak.append("the convenience right only starts after the minimum term")
        lockin = None
    out = decide(
        req,
        granted[:1] + [Hit(s, "fee", 0, 0, None, "ok") for s in fee[:1]],
        present_reason=f"The customer may terminate for convenience ({granted[0].sentence.where if granted else ''}).",
        weak=weak,
        params={"notice_days": days, "lockin_months": lockin},
        rejected=[h for h in hits if not h.ok],
        ctx=ctx,
        missing_reason="No clause lets the customer terminate for convenience.",
    )
    return to_finding(req, out)


# --- renewal notice -----------------------------------------------------------------------------
AUTO = rx(
    r"(?:automatic(?:ally)?|auto-?)\s*(?:be\s+)?renew\w*|renew\w*\s+automatically|(?:shall|will)\s+(?:thereafter\s+)?(?:be\s+)?renew\w*|"
    # "The term shall be automatically extended for equal periods, unless either party notifies ..."
    r"\b(?:automatically|tacitly)\s+(?:be\s+)?(?:extended|prolonged)\b|\b(?:extended|prolonged)\s+(?:automatically|tacitly)\b|"
    # "If neither Party declares ... its wish to terminate ..., this Contract shall be deemed extended for each following year"
    r"\b(?:shall|will|is)\s+be\s+deemed\s+(?:to\s+be\s+|to\s+have\s+been\s+)?(?:extended|prolonged|renewed)\b|"
    r"successive\s+(?:renewal\s+)?(?:terms?|periods?)|evergreen|tacit(?:ly)?\s+renew\w*|renew\w*\s+tacitly|"
    # (the agreement rolls over, not "Unused SMS Credits roll over from quarter to quarter")
    r"\b(?:agreement|subscription|term|contract|order|plan|licen[cs]e)s?\s+(?:\w+\s+){0,3}?roll(?:s|ed)?\s+over|"
    r"continue\w*\s+(?:thereafter|after\s+that|from\s+year\s+to\s+year)[^.;]{0,40}\buntil\s+terminated|"
    r"from\s+year\s+to\s+year|year-to-year|month-to-month|\brenews\b[^.;]{0,120}\bunless\b|"
    # translated civil-law drafting: "Thereafter it extends by a further twelve months in each case"
    r"\b(?:it|agreement|contract|term|licen[cs]e|subscription)\s+(?:\w+\s+){0,2}?(?:extends?|is\s+extended|"
    r"shall\s+be\s+extended|prolongs?|is\s+prolonged|(?:is\s+)?(?:deemed|considered)\s+(?:to\s+be\s+)?(?:prolonged|extended|renewed))\s+"
    r"(?:(?:automatically|tacitly)\s+)?(?:by|for)\s+(?:(?:a\s+|an\s+|each\s+)?(?:further|another|additional|successive|subsequent)\b|"
    # "Thereafter the Agreement is extended by twelve (12) months at a time unless ..."
    r"[^.;]{1,40}?\bat\s+a\s+time\b)"
)
# An open-ended continuation after a stated term runs on until someone stops it, like a renewal; with no
# term at all it is an evergreen service, which states no term.
CONTINUATION = rx(
    r"\bcontinues?\s+(?:\w+\s+){0,2}?(?:for\s+an?\s+(?:indefinite|unlimited)\s+(?:period|term|duration)|indefinitely|"
    r"on\s+a\s+(?:rolling|monthly|yearly|annual)\s+basis|from\s+(?:month\s+to\s+month|year\s+to\s+year))"
)
TERM = rx(
    # translated drafting calls the term its "duration" ("durata", "duración", "Laufzeit"), and a committed
    # spend runs for a "commitment period"
    r"\b(?:initial|subscription|contract|minimum|committed|commitment|firm|fixed|base|service)\s+(?:\w+\s+)?"
    r"(?:term|period|duration)\b|\b(?:term|duration)\s+of\s+(?:this\s+|the\s+)?(?:agreement|order|contract)|"
    r"\b(?:has|have|with|for)\s+an?\s+(?:\w+\s+)?(?:term|duration)\s+of\b|"
    # the term given by its end: "This Agreement begins on the effective date and ends 36 months later"
    r"\b(?:agreement|order|subscription|contract|licen[cs]e)\s+(?:[\w-]+\s+){0,10}?(?:ends|expires|terminates|"
    r"(?:shall|will)\s+(?:end|expire|terminate))\s+(?=(?:[\w()-]+\s+){1,4}?(?:later|after|thereafter|following|from)\b)|"
    r"\b(?:agreement|order(?:\s+form)?|subscription|contract|licen[cs]e)\s+(?:\w+\s+){0,6}?(?:for\s+a\s+(?:\w+\s+)?(?:period|term)\s+of|"
    r"(?:shall|will)\s+(?:commence|continue|remain\s+in\s+(?:full\s+)?force))|"
    # "This Contract enters into force on signature ... and remains in force for thirty-six (36) months" (not
    # "obligations under this Agreement remain in force for five years after its termination")
    r"\b(?:agreement|contract|order|subscription)\b[^.;]{0,160}?\b(?:remains?|shall\s+remain|will\s+remain)\s+in\s+"
    r"(?:full\s+)?force\s+(?:and\s+effect\s+)?for\b(?![^.;]{0,60}\b(?:after|following|beyond)\b)|"
    # "This Agreement shall enter into force upon signature and shall be valid for three (3) years"
    r"\b(?:agreement|contract|order|subscription)\b[^.;]{0,160}?\b(?:is|remains?|(?:shall|will)\s+(?:be|remain))\s+valid\s+for\b"
    r"(?![^.;]{0,60}\b(?:after|following|beyond)\b)|"
    # civil-law drafting: "... and is concluded for a definite period of 5 (five) years"
    r"\b(?:is|are)\s+concluded\s+for\s+a\s+(?:\w+\s+)?(?:period|term)\s+of\b|"
    # plain English: "Each subscription runs for one month", "Your plan lasts for twelve months"
    r"\b(?:agreement|order|subscription|contract|licen[cs]e|plan|(?:operating|service|contract)\s+period)\s+(?:\w+\s+){0,2}?"
    r"(?:(?:runs|lasts)\b|is\s+for\b|"
    r"is\s+(?:valid|in\s+force|effective)\s+for\b)|"
    # an order form's field: "Order Term:          thirty-six (36) months from the Order Start Date"
    r"\b(?:term|duration)[ \t]*(?:\*\*)?[ \t]*[:|](?=[ \t*]*(?:[\w()-]+\s+){0,3}?(?:months?|years?)\b)|"
    # "The operation period of the Platform shall be thirty-six (36) months from Go-Live"
    r"\b(?:operation|operating|service|contract|subscription)\s+period\b[^.;]{0,40}?\b(?:shall|will)\s+be\b"
    r"(?=\s+(?:[\w()-]+\s+){1,4}?(?:months?|years?)\b)|"
    # "The Term begins on the Effective Date and continues for thirty-six (36) months"
    r"\bterm\s+(?:begins|commences|starts)\s+(?:on|upon|with|at)\b[^.;]{0,100}?\b(?:continues?|runs?|lasts?)\s+for\b|"
    # plural: "Annual subscriptions run for twelve (12) months from the date of purchase"
    r"\b(?:agreements|orders|subscriptions|contracts|licen[cs]es|plans)\s+(?:\w+\s+){0,2}?(?:run|last)\s+for\b"
)
EXPIRE = rx(
    r"\b(?:shall|will)\s+(?:automatically\s+)?(?:expire|terminate|end)\b|\bno\s+automatic\s+renewal|"
    r"\b(?:ends|expires|terminates)\s+(?:automatically\s+)?(?:when|on|at|upon)\b|"
    r"\b(?:shall|will|does|do)\s+not\s+(?:automatically\s+)?(?:renew|be\s+(?:renewed|extended)\s+automatically)|renew\w*\s+(?:only\s+)?(?:by|upon|with|on)\s+(?:the\s+)?(?:mutual|written|signature)"
)
# a renewal by any name: "renews", "each extension", "the extended term"
_RENEWS = r"(?:renew\w*|extension|extended)"
_LIST_PRICE = r"(?:list\s+(?:of\s+)?prices?|price\s+list)"
PRICE_UP = rx(
    # ("deemed extended ... with the exception of the Tariffs, which ... shall be established in accordance with the
    # price list of the Contractor in force at the beginning of such period")
    rf"{_RENEWS}[^.]{{0,160}}(?:price|pricing|fees?|rates?|tariffs?)[^.]{{0,120}}(?:increase|then[- ]current|{_LIST_PRICE}|adjust)|"
    rf"{_RENEWS}[^.]{{0,120}}(?:then[- ]current|list)\s+(?:list\s+|standard\s+|published\s+)?(?:prices?|pricing|rates?|fees?)|"
    # "Fees for each Renewal Term shall be the Provider's standard rates prevailing at the start of that term"
    # ("The Charges for each Renewal Period shall be the Supplier's list charges current at the start of that period")
    rf"(?:fees?|prices?|pricing|charges)[^.]{{0,60}}{_RENEWS}[^.]{{0,80}}(?:standard|prevailing|published|list)\s+(?:\w+\s+)?"
    r"(?:rates?|prices?|fees?|pricing|charges)|"
    rf"(?:fees?|prices?|pricing|charges)[^.]{{0,80}}{_RENEWS}[^.]{{0,80}}(?:then[- ]current|{_LIST_PRICE}|increase|adjust)|"
    r"(?:increase|adjust|change|modify|revise|set)\w*[^.]{0,80}(?:fees?|prices?|rates?|pricing)[^.]{0,80}renew|"
    # "Fees for each renewal term shall be KubeHarbor's rates then in effect"
    rf"{_RENEWS}[^.]{{0,120}}\b(?:prices?|pricing|rates?|fees?)\s+(?:then\s+)?in\s+(?:effect|force)\b"
)
PRICE_CAP = rx(
    # (a "fee percentage" is a price, not a cap; "without limitation on the amount of any increase" caps nothing)
    r"not\s+(?:to\s+)?exceed|no\s+more\s+than|\bcap(?:ped)?\b|(?<!without\s)limited\s+to|\d+(?:\.\d+)?\s*%|\bper\s?cent\b|"
    + INDEX_LINKED.pattern
)
# "Renewal pricing will not exceed the prior term's pricing by more than 5%": a cap on renewal prices
# stated anywhere bounds an increase announced in another clause
# "shall not exceed", "no more than", "may not increase by more than five per cent (5%)"
_CAPPED = (
    r"(?:not\s+(?:to\s+)?exceed|no\s+more\s+than|not\s+(?:rise|increase|go\s+up)\s+(?:by\s+)?more\s+than|"
    r"\bcap(?:ped)?\b|limited\s+to)"
)
RENEWAL_CAP = rx(
    rf"{_RENEWS}[^.;]{{0,80}}(?:prices?|pricing|fees?|rates?)[^.;]{{0,80}}{_CAPPED}|"
    rf"(?:prices?|pricing|fees?|rates?)[^.;]{{0,80}}{_RENEWS}[^.;]{{0,80}}{_CAPPED}|"
    # "the fees may not increase by more than three per cent (3%) on each renewal"
    rf"(?:prices?|pricing|fees?|rates?)[^.;]{{0,40}}{_CAPPED}[^.;]{{0,60}}{_RENEWS}"
)
NON_RENEWAL = rx(
    r"non-?renewal|not\s+to\s+(?:renew|extend|prolong)|\bunless\b|cancel|terminat|opt\s+out|prevent|stop|elect\w*\s+not|decline|"
    # CIS drafting: "notifies the other Party of its refusal to prolong this Agreement"
    r"\brefus\w*\s+(?:of\s+|to\s+)?(?:the\s+)?(?:prolong|extend|renew)\w*|"
    r"\buntil\b[^.;]{0,60}\bnotice|\bend\s+(?:it|this|the\s+\w+)\b"
)
TERM_NEAR = rx(
    r"\bterm\b|\bperiod\b|\bduration\b|commenc|continue|for\s+a|of\s+|\b(?:runs|lasts)\b|\b(?:is|run|last)\s+for\b|"
    r"\b(?:valid|in\s+force)\s+for\b|"
    r"\b(?:ends|expires|terminates)\b"
)


# "During the Subscription Term, history is kept for ...": the term as a time frame, not its length.
TERM_AS_TIME = rx(
    # "retain the log for the duration of the Agreement and two years thereafter": "for" the term is a time frame
    # and "ten years from the final date of the contract period" counts from a date of it
    r"(?:\b(?:during|throughout|within|until|before|after|in|for)|\b(?:expiry|expiration|end|termination|remainder|balance|"
    r"renewal|date|day|start|beginning|commencement)\s+of|"
    # "wish to extend the term of this Agreement ... no later than sixty days before": an extension, not the term
    r"\b(?:extend|renew|prolong)\w*)\s+(?:the\s+|each\s+|any\s+|its\s+|this\s+)?$"
)


# "Annual plans renew automatically", "a one-year subscription": the term is named by its length
PERIODIC = rx(
    r"\b(?:annual|yearly|one-year|12-month|twelve-month)\s+(?:plans?|subscriptions?|terms?|contracts?|licen[cs]es?)\b"
    r"(?!\s+(?:fees?|prices?|charges?|rates?|costs?|amounts?|payments?)\b)"
)
PERIODIC_TOPIC = rx(r"\brenew|\bexpir|\bcancel")


AFTER_THE_END = rx(
    r"\b(?:from|after|following|beyond)\s+(?:the\s+)?(?:end|expiry|expiration|termination|completion)\s+of\b"
)


FIELD_PERIOD = rx(r"\W*(?:period|term)[ \t]*[:|]")
LABEL_BEFORE = rx(r"\b(?:initial|minimum|contract|subscription|committed|base)\s*$")


WRAPPED_FIELD = re.compile(
    r"^[ \t]*(?:initial|minimum|contract|subscription|committed|base)(?:[ \t]+(?:subscription|contract|service))?[ \t]*"
    r"(?:\.{2,}|:)[ \t]*(?P<value>[^\n]+)\n[ \t]*(?:term|period)\b",
    re.I | re.M,
)


def _sentence_at(doc: Document, pos: int) -> Hit | None:
    """A granting hit on the sentence of `doc` that holds `pos`."""
    sent = next((s for s in doc_sentences(doc) if s.start <= pos < s.end), None)
    return Hit(sent, "term", 0, 0, None, "ok") if sent is not None else None


def _term_months(ctx: ReviewContext) -> tuple[int | None, Hit | None]:
    """Initial/subscription term in months, preferring the order form over the MSA; a definition of the
    term ('Minimum Term means ... sixty (60) months') states its length as much as an operative clause."""
    hits = [h for h in scan(ctx, "term", TERM, actors=None) if h.ok or h.verdict == "definition"]
    hits = [
        h
        for h in hits
        # (a run-in heading such as "**FIFTH: Term and renewal.**" before the clause names no renewal term)
        # (nor a heading glued on its own line: "Term and renewal\n3.1 The Contract ... has an initial term of")
        if not re.search(
            r"renew|notice|terminat\w*\s+(?:for|upon|on)",
            RUN_IN_LABEL.sub("", h.sentence.text[glued_heading_end(h.sentence.text) : h.start]),
            re.I,
        )
        and not TERM_AS_TIME.search(h.sentence.text[max(0, h.start - 40) : h.start])
        # "keep all documents ... for a period of ten years from the end of the Contract": a time after it
        and not AFTER_THE_END.search(h.sentence.text[h.end : h.end + 80])
    ]
    # an order form field whose label the segmenter kept apart: "B5  Call-Off Initial" / "Period:  Twenty-four (24)
    # months from the Start Date."
    hits += [
        Hit(sent, "term", 0, 0, None, "ok")
        for doc in ctx.documents
        for sent in doc_sentences(doc)
        if FIELD_PERIOD.match(sent.text)
        and LABEL_BEFORE.search(doc.text[max(0, sent.start - 60) : sent.start])
    ]
    # a fixed-width field whose label wraps below its value: "Initial Subscription ... twenty-four (24) months from the
    # Go-Live Date" / "Term"
    hits += [
        sent
        for doc in ctx.documents
        for m in WRAPPED_FIELD.finditer(doc.text)
        for sent in [_sentence_at(doc, m.start("value"))]
        if sent is not None
    ]
    value, hit, _ = duration_param(hits, TERM_NEAR, "months", prefer="first")
    if not value:
        periodic = ok(scan(ctx, "term", PERIODIC, within=PERIODIC_TOPIC, actors=None))
        value, hit = (12, periodic[0]) if periodic else (None, None)
    if not value:  # a term of "zero days" (or under half a month) is a setting, not a contract term
        return None, None
    return value, hit


# An open-ended agreement, with no term of its own (a continuation "thereafter" follows a term instead)
UNTIL_TERMINATED = rx(
    r"\b(?:continues?|remains?|shall\s+(?:continue|remain)|will\s+(?:continue|remain))\s+in\s+(?:full\s+)?(?:force|effect)"
    r"(?:\s+and\s+effect)?\s+(?:\w+\s+){0,3}?until\s+(?:it\s+is\s+|validly\s+)?terminated|"
    r"\b(?:concluded|entered\s+into)\s+for\s+an\s+(?:indefinite|unlimited)\s+(?:period|term|duration)"
)
THEREAFTER = rx(r"\bthereafter\b|\bafter\s+(?:that|which|the\s+(?:initial|minimum|first))|\bthen\b")


# what can expire: the agreement itself, or a statement of work or contract issued under it
TERM_WORDS = rx(
    r"\bterm\b|agreement|subscription|order|\bSOW\b|statement\s+of\s+work|\bcontract\b|\bengagement\b"
)


# "renews automatically ... unless you cancel before the end of the current month", "unless you turn off
# auto-renewal ... before the renewal date": no minimum notice at all, the most the customer can ask for
STOP_BEFORE_RENEWAL = rx(
    r"\b(?:cancel\w*|turn\s+off|switch\s+off|terminat\w*|opt\s+out|notify|stop)\b[^.;]{0,120}?\b(?:before|prior\s+to)\s+"
    r"(?:the\s+)?(?:(?:next\s+)?renewal(?:\s+date)?|end\s+of\s+(?:the\s+|each\s+|your\s+|its\s+)?(?:current\s+|then[- ]current\s+)?"
    r"(?:[\w-]+\s+)?(?:term|period|month|year|billing\s+(?:period|cycle)))\b"
)


def _renewal_sentences(auto: list[Hit]) -> list[Sentence]:
    """The auto-renewal sentences and their neighbours, each once."""
    seen = {(s.doc.id, s.start): s for h in auto for s in neighbours(h.sentence, 1)}
    return list(seen.values())


_ANY_TIME = rx(
    _NO_REASON
    + r"|\bfor\s+(?:its\s+|their\s+)?convenience\b|\bat\s+any\s+time\b|\bunilateral(?:ly)?\s+refuse"
)
_TERM_END = rx(
    r"renew|\bexpir\w*|\bend\s+of\s+(?:the\s+|any\s+|each\s+)?(?:then[- ]current\s+|initial\s+|renewal\s+|current\s+)?"
    r"(?:term|period|year)"
)


def _convenience_only(text: str) -> bool:
    """'Either party may terminate this Agreement on thirty (30) days' notice, without having to give reasons': a
    convenience right at any time, not a notice to stop the renewal at the end of a term."""
    return bool(_ANY_TIME.search(text)) and not _TERM_END.search(text)


def _stop_notice(
    renewal: list[Sentence], own: list[Sentence] | None = None
) -> tuple[int | None, Hit | None, str]:
    """Notice needed to stop an auto-renewal, read from the renewal sentences and their neighbours that
    speak of non-renewal (not from a price-increase notice). The auto-renewal sentences' `own` window wins
    over a neighbour's ('renews ... unless notice of non-renewal at least sixty (60) days before' beside a
    convenience right on ninety days' notice)."""
    if own:
        found = _stop_notice(own)
        if found[0] is not None:
            return found
    values: list[tuple[int, Hit]] = []
    for s in renewal:
        # a "sentence" that also raises prices may be table rows with no full stop between them (a PDF
        # schedule's 'Renewal ... 120 days before the end' row above its 'Renewal pricing' row): its lines
        # are read one by one
        # (in running text the part before the price words: "If neither Party declares its intention to terminate
        # not later than thirty (30) days before the expiry ..., the Agreement shall be deemed extended ... with the
        # exception of the Tariffs, which ... shall be established in accordance with the price list")
        price = PRICE_UP.search(s.text)
        # (and the part after them: "renews ... at our then-current list prices unless either party cancels at least
        # thirty (30) days before the renewal date")
        parts = (
            [s.text] if not price else [*s.text.split("\n"), s.text[: price.start()], s.text[price.end() :]]
        )
        for part in parts:
            if NON_RENEWAL.search(part) and not PRICE_UP.search(part) and not _convenience_only(part):
                values.extend((d.days(), Hit(s, "stop", 0, 0, None, "ok")) for d in notice_durations(part))
    return pick_value(values, prefer="max")


# a day of the year with no year: "August 1", "1 August", "the 1st of August"
_DAY_MONTH = (
    rf"(?:(?P<m1>{MONTH_NAMES})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?P<m2>{MONTH_NAMES}))"
)
_DAY_OF_YEAR = _DAY_MONTH + r"(?!,?\s+\d{4})\b"
# "unless the Assessor gives written notice of non-renewal on or before August 1 of the preceding year"
STOP_BY_DATE = rx(r"\b(?:on\s+or\s+before|no\s+later\s+than|not\s+later\s+than|by|before)\s+" + _DAY_OF_YEAR)
# "successive periods of one (1) year, each commencing on January 1"
RENEWS_ON = rx(
    r"\b(?:commenc\w*|beginning|begins|starting|starts|effective)\s+(?:on\s+|from\s+)?(?:each\s+|every\s+)?"
    + _DAY_OF_YEAR
)


def _day_of_year(m: re.Match[str]) -> datetime.date:
    month = m.group("m1") or m.group("m2")
    day = int(m.group("d1") or m.group("d2"))
    return datetime.date(2001, MONTH_NAMES.split("|").index(month.capitalize()) + 1, day)


# "The Contract enters into force on 1 October 2026": renewals start on the same day of later years
STARTS_ON = rx(
    r"\b(?:enters?\s+into\s+force|commenc\w*|starts?|begins?|takes?\s+effect|is\s+effective|effective)\s+(?:on|from)\s+"
    + _DAY_MONTH
    + r"\b"
)


def _stop_by_date(sentences: list[Sentence], ctx: ReviewContext) -> tuple[int | None, Hit | None, str]:
    """The notice window of a non-renewal due by a day of the year before a renewal that starts on another
    ('on or before August 1 of the preceding year' for renewals 'each commencing on January 1': 153 days; 'before
    31 May' for a contract that 'enters into force on 1 October 2026': 123 days)."""
    started = next((m for s in family_sentences(ctx) if (m := STARTS_ON.search(s.text))), None)
    for s in sentences:
        if not NON_RENEWAL.search(s.text):
            continue
        due, renews = STOP_BY_DATE.search(s.text), RENEWS_ON.search(s.text) or started
        if due is None or renews is None:
            continue
        try:
            deadline, start = _day_of_year(due), _day_of_year(renews)
        except ValueError:  # "February 30"
            continue
        days = (start - deadline).days % 365
        if days:
            starts = (
                renews.group(0)
                if renews is not started
                else f"on the anniversary of the start ({renews.group(0)})"
            )
            note = f" The notice is due {due.group(0)} for renewals {starts}: {days} days before they start."
            return days, Hit(s, "stop", due.start(), due.end(), None, "ok"), note
    return None, None, ""


@register("renewal_notice")
def renewal_notice(req: Requirement, ctx: ReviewContext) -> Finding:
    """Term and renewal stated: auto-renewal with a notice window to stop it, or a fixed term that expires."""
    term, term_hit = _term_months(ctx)
    auto_all = scan(ctx, "auto", AUTO, actors=None)
    # "Section 9.2 of the Terms (automatic renewal) ... do not apply": a renewal another document switches off
    for h in auto_all:
        # (and one another document sets aside: "Notwithstanding Section 4.1 of the Terms, ... shall renew ...")
        if h.ok and (disapplied(h, ctx) or switches_off(h) or overridden_by(h, ok(auto_all))):
            h.verdict = "negated"
    auto = ok(auto_all)
    if term is not None and not auto:
        auto = ok(scan(ctx, "auto", CONTINUATION, actors=None))
    renewal = _renewal_sentences(auto)
    notice, notice_hit, note = _stop_notice(renewal, [h.sentence for h in auto])
    # "Section 2.2 of the MSA applies to renewal, except that the notice of non-renewal must be given at least ninety
    # (90) days before the end of the then-current term": another document restates the window of the clause
    cited = [
        s
        for h in auto
        for s in citing_sentences(h, ctx)
        if NON_RENEWAL.search(s.text) and re.search(r"\brenew", s.text, re.I)
    ]
    restated = _stop_notice(cited)
    if restated[0] is not None:
        notice, notice_hit, note = restated[0], restated[1], f" {cited[0].where} restates the window."
    if notice is None:
        notice, notice_hit, note = _stop_by_date([h.sentence for h in auto] + renewal, ctx)
    expires = ok(scan(ctx, "expire", EXPIRE, within=TERM_WORDS, actors=None))
    prices = [
        h
        for h in ok(scan(ctx, "price", PRICE_UP, actors=None))
        if not PRICE_CAP.search(h.sentence.text) and not disapplied(h, ctx) and not switches_off(h)
    ]
    if ok(scan(ctx, "cap", RENEWAL_CAP, actors=None)):
        prices = []
    params: dict[str, int | float | str | bool | None] = {
        "term_months": term,
        "notice_days": notice,
        "auto_renewal": bool(auto),
    }
    weak = [f"renewal price increases are uncapped ({prices[0].sentence.where})"] if prices else []
    if auto:
        stop_any_time = notice is None and any(STOP_BEFORE_RENEWAL.search(s.text) for s in renewal)
        if notice is None and not stop_any_time:
            # "the conditions under which the Contract may be renewed, including any tacit renewal and the period
            # of notice required to prevent it, are set out in Annex 1", and Annex 1 is not provided
            unclear = unclear_reference(ctx, req, auto)
            if unclear is not None:
                return to_finding(req, unclear)
            weak.append("auto-renewal with no notice period to stop it")
        evidence = [notice_hit or auto[0], *prices[:1]]
        what = (
            f"Auto-renewal with {notice} days' notice to stop it"
            if notice is not None
            else "Auto-renewal that the customer can stop at any time before it renews"
            if stop_any_time
            else "Auto-renewal"
        )
        out = decide(
            req,
            evidence,
            present_reason=f"{what} ({evidence[0].sentence.where}).{note}",
            weak=weak,
            params=params,
        )
        return to_finding(req, out)
    indefinite = [
        h
        for h in ok(scan(ctx, "indefinite", UNTIL_TERMINATED, actors=None))
        if not THEREAFTER.search(h.sentence.text)
    ]
    if indefinite:
        # "continues in force until terminated in accordance with clause 17": a minimum period inside an
        # open-ended agreement is a lock-in, not a term that expires or renews
        out = decide(
            req,
            [],
            present_reason="",
            params=params,
            ctx=ctx,
            missing_reason=f"The agreement runs until terminated ({indefinite[0].sentence.where}): no term "
            "expires or renews.",
        )
        return to_finding(req, out)
    fixed = [h for h in [term_hit, *expires[:1]] if h is not None]
    params["auto_renewal"] = False if fixed else None
    out = decide(
        req,
        fixed,
        present_reason=f"A fixed term that expires without automatic renewal ({fixed[0].sentence.where if fixed else ''}).",
        weak=weak,
        params=params,
        # "The service period shall be as set out in the Service Application Form": a term kept in a
        # document that is not in the family cannot be checked (unclear, via the rejected reference)
        rejected=[h for h in auto_all if not h.ok]
        + [h for h in scan(ctx, "term", TERM, actors=None) if h.verdict == "reference"],
        ctx=ctx,
        missing_reason="Neither the term nor its renewal is stated.",
    )
    return to_finding(req, out)
