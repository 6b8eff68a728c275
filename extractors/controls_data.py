"""Rule extractors for the customer's data: ownership (and the vendor's own use of it) and retention,
deletion or return after termination."""

from __future__ import annotations

import re

from assistant.models import Finding
from assistant.playbook import Requirement
from extractors.base import ReviewContext, register
from extractors.parties import Role, Roles, family_roles
from extractors.rules import (
    CONFIDENTIAL,
    CUST,
    DELETE_VERB,
    VEND,
    Hit,
    add_new_sentences,
    context,
    decide,
    disapplied,
    doc_rank,
    drop_outranked,
    ok,
    pick_value,
    precedence,
    rx,
    says_it_prevails,
    scan,
    to_finding,
    unclear_reference,
    weak_signals,
)
from extractors.spans import (
    FROM_START,
    Sentence,
    defined_terms,
    family_sentences,
    glued_heading_end,
    with_terms,
)
from extractors.text import find_durations

# --- data ownership -----------------------------------------------------------------------------
DATA = rx(
    rf"\b(?:{CUST}\s+data|{CUST}\s+content|personal\s+data|{CUST}\s+materials?|{CUST}\s+(?:information|records|files)|(?:your|its|their)\s+(?:own\s+)?(?:data|content|materials|information|files)|"
    r"data\s+(?:provided|submitted|uploaded)\s+by|"
    # "the data about your customers that you submit to the Platform"
    rf"\bdata\s+(?:[\w-]+\s+){{0,5}}?(?:that|which)\s+(?:the\s+)?(?:{CUST})\s+(?:\w+\s+)?(?:submits?|uploads?|provides?|transmits?|stores?|enters?|inputs?)|"
    # "the data on subscribers' payment behaviour": data about the customer's own customers or people
    r"\bdata\s+(?:on|about|of|relating\s+to|concerning)\s+(?:the\s+|its\s+)?(?:subscribers|customers|clients|patients|"
    r"users|members|students|employees|end[- ]users|affiliates|policyholders|borrowers)\b|"
    # "the information of the loan applications ... contained in the Platform": what the service holds
    # (and "All data entered into, generated in or stored in the LIS": the system by its acronym)
    # (and "the production data loaded into the Plataforma": a translated contract keeps the platform's own name)
    r"\b(?:data|information|content|records)\s+(?:[\w,-]+\s+){0,6}?(?:contained|stored|held|hosted|loaded|entered|uploaded|"
    r"input)\s+(?:in|on|within|into)\s+the\s+(?:Platform|Plataforma|Plateforme|Services?|System|Software|Solution|Application|"
    r"(?-i:[A-Z]{2,6}))\b)"
)
OWN = rx(
    r"(?<!its\s)(?<!our\s)(?<!your\s)(?<!their\s)(?<!his\s)(?<!her\s)"  # "its own data" is not ownership
    # ("as the owner of a computer system designated as critical information infrastructure" owns a system, "as the
    # owner of the personal data base" a register kept under data protection law)
    r"\b(?:own(?:s|ed|ership)?|(?<!data\s)(?<!system\s)(?<!asset\s)(?<!business\s)(?<!process\s)(?<!risk\s)owners?"
    r"(?!\s+of\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:systems?|infrastructure|computers?|networks?|premises|plants?|"
    r"buildings?|vehicles?|equipment|devices?|facilit(?:y|ies)|data\s*bases?)\b)|"
    r"all\s+rights?\s+in\b|retain\w*\s+all\s+(?:\w+\s+){0,3}?rights?|belongs?\s+(?:\w+ly\s+)?to|vests?\s+in|(?:remains?|stays?|is|are)\s+(?:solely\s+)?yours|all\s+right,?\s+title\s+and\s+interest|(?:sole\s+and\s+)?exclusive\s+property|property\s+of|title\s+to)\b"
)
TRAINING = rx(
    r"\btrain\w*,?\s+(?:[\w'’,-]+\s+){0,10}?(?:models?|algorithms?|AI|artificial|machine|neural|LLMs?)\b|\b(?:models?|AI)\s+training\b|"
    r"\bmachine[\s-]+learning\b|\bartificial\s+intelligence\b"
)
# What the service records of the customer's business, under names other than "data": the transactions,
# calls and conversations it processes. Training the vendor's models on them is own-purpose use too.
SERVICE_RECORDS = rx(
    r"\b(?:transactions?|calls?|chats?|claims?|orders?|purchases?|payments?|tickets?|support|learners?|students?|patients?|"
    r"employees?|end[- ]users?|shoppers?|cardholders?)\s+(?:data|records|transcripts?|recordings?|logs|content|histor(?:y|ies))\b|"
    r"\b(?:transcripts?|recordings?|conversations?)\b|"
    # what the customer's own plant and fleet generate: "machine and process data", "Fleet Telemetry"
    r"\b(?:machine|process|sensor|production|plant|vehicle|fleet)\s+(?:and\s+\w+\s+)?(?:data|telemetry)\b|"
    # what the customer's meters record: "the half-hourly load profiles recorded by the Meters", "meter readings"
    r"\b(?:meter|metering|consumption|load)\s+(?:data|readings?|profiles?|records)\b|"
    # and what the customer's own people capture in it: "Vehicle Photos and Damage Annotations", "the fingerprint
    # templates of Beneficiaries"
    r"\b(?:photos?|photographs?|images|imagery|annotations|video\s+footage)\b|"
    r"\b(?:fingerprint|biometric|facial|iris)\s+(?:templates?|data|images?|records)\b"
)
DEIDENTIFIED = rx(
    r"\b(?:after|with|by)\s+(?:the\s+)?(?:removal|removing|replacing|replacement|stripping|deleting|masking)\s+(?:of\s+)?"
    r"(?:[\w'’-]+\s+){0,4}?(?:names?|numbers?|identifiers?|addresses)\b|"
    r"\b(?:names?|numbers?|identifiers?|addresses)(?:,?\s+[\w'’-]+){0,8}?\s+(?:removed|stripped|masked|deleted|replaced)\b"
)
# models, graphs or products built from one customer's data and offered to the vendor's other customers
_OTHER_CUSTOMERS = (
    # ("the marketplace that the Supplier offers to other dealers")
    r"(?:provide|offer|serve|sell)\w*\s+(?:\w+\s+){0,3}?(?:to|for)\s+(?:its\s+|our\s+|their\s+|the\s+\w+'s\s+)?"
    r"other\s+(?:customers|clients|dealers|retailers|merchants|subscribers|users|members|operators|businesses)|"
    # "models ... which Werkpuls offers to all of its customers", "offered to all Switchback customers"
    r"(?:provide|offer|serve|sell)\w*\s+(?:\w+\s+){0,3}?(?:to|for)\s+all\s+(?:of\s+)?(?:its\s+|our\s+|their\s+)?"
    r"(?:[A-Z][\w-]*\s+)?(?:customers|clients)|(?:evaluations?|benchmarks?|reports?|products?|services)\s+(?:for|to)\s+"
    r"(?:its|our|their)\s+other\s+(?:customers|clients)|"
    # a product the vendor builds from them and licenses out: "its quarterly ... Index, which the Supplier licenses to
    # mining companies, insurers and lenders", "a Report, which we license to marinas"
    r"\b(?:which|that)\s+(?:we|it|the\s+[A-Z]?\w+)\s+(?:licen[cs]es?|sells?|markets?)\s+to\b|"
    # "compare them with the templates registered by the other clients of the Provider", "the classification assistant
    # ... made available to all users of the Solution"
    r"\b(?:registered|submitted|provided|uploaded)\s+by\s+(?:the\s+)?other\s+(?:clients|customers|users)\b|"
    r"\bmade\s+available\s+to\s+all\s+(?:[\w-]+\s+){0,2}?(?:users|customers|clients)\b|"
    # "makes the preferences of returning guests available to other resorts and hotels that use GuestMoor"
    r"(?:available|disclos\w*|shar\w*|provid\w*|show\w*)\s+(?:[\w-]+\s+){0,3}?to\s+other\s+(?:[\w-]+\s+){0,4}?"
    r"(?:that|who|which)\s+(?:also\s+)?(?:use|uses|subscribe)"
)
# "may license such data to the Mill, to agricultural input suppliers and to lending institutions": the data licensed out
# to others, whatever was removed from it first (not "a licence to use the data")
_LICENSES_OUT = (
    r"(?<=\s)licen[cs]e\s+(?:such|the|this|these|those|that|any|all)\s+(?:[\w-]+\s+){0,3}?(?:data|information|records|"
    r"datasets?)\s+to"
)
# "for any purpose other than performing the Services" restricts use; it does not widen it
_NOT_EXCEPT = r"(?!\s+(?:other\s+than|except|save|beyond|not\s+(?:expressly\s+)?(?:permitted|authori[sz]ed)))"
OWN_USE = rx(
    TRAINING.pattern
    + r"|\b(?:improv\w*|develop(?:ing)?\s+(?:new\s+)?(?:products|services|features)|commerciali[sz]\w*|"
    r"exploit\w*|(?:its\s+own|any)\s+(?:\w+\s+)?purposes?"
    + _NOT_EXCEPT
    + r"|sell|monetis\w*|monetiz\w*|benchmark\w*|"
    r"marketing|market(?:s|ed)?\s+(?:[\w-]+\s+){0,4}?to|advertis\w*|research\s+and\s+development|product\s+development|"
    # "use Guest Data to send guests offers of partner hotels ... selected by the Provider"
    r"send\w*\s+(?:[\w'’-]+\s+){0,3}?(?:offers|promotions|promotional|newsletters)|"
    + _LICENSES_OUT
    + r"|"
    + _OTHER_CUSTOMERS
    + r")\b"
)
USE_DATA = rx(DATA.pattern + r"|\b(?:inputs?|outputs?|prompts?|content|submissions|uploads?)\b")
OPT_IN = rx(
    r"opt[- ]?in|prior\s+(?:express\s+)?(?:written\s+)?consent|unless\s+\w+\s+(?:agrees|consents)|with\s+\w+'?s?\s+consent"
)
OWN_USE_OK = rx(
    r"de-?identified|anonymi[sz]ed|aggregated?|solely\s+(?:to|for)\s+(?:provid|perform)|usage\s+(?:data|statistics|information|metrics)|"
    # "technical data ... which does not include the content of any Customer Data", "metrics that contain no Bank Data"
    r"telemetry|(?:does|do)\s+not\s+(?:include|contain)\s+(?:[\w-]+\s+){0,4}?(?:customer|personal|your|client|(?-i:[A-Z]\w+\s+Data))|"
    r"\b(?:contains?|includes?|containing|including)\s+no\s+(?:[\w-]+\s+){0,2}?(?:data|information|content)\b"
)
# "Vendor shall not use Sponsor Data ... for the training of any ... model": the misuse is forbidden
NO_OWN_USE = rx(
    r"\b(?:shall|will|may|must)\s+not\s+(?:\w+\s+){0,2}?(?:use|process|exploit|sell|train)\w*\b|\bnever\s+(?:use|sell|train)\w*\b"
)

# "The use of the data for training models ... is prohibited": the ban follows what it bans
BANNED_AFTER = rx(
    r"\b(?:is|are|shall\s+be|will\s+be)\s+(?:strictly\s+|expressly\s+)?(?:prohibited|forbidden|not\s+(?:permitted|allowed))\b"
)


COMMERCIAL = rx(
    r"\b(?:sell|sale|monetis\w*|monetiz\w*|commerciali[sz]\w*|for\s+any\s+(?:\w+\s+)?purposes?"
    + _NOT_EXCEPT
    + r"|"
    r"(?:share|disclose|licen[cs]e|provide)\w*\s+(?:\w+\s+){0,4}?to\s+(?:any\s+)?third\s+parties|"
    + _LICENSES_OUT
    + r"|"
    # "may market these indicators to port authorities, shipowners and other operators"
    r"market(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,4}?to\s+(?:[\w-]+\s+){0,4}?(?:operators|companies|authorities|owners|"
    r"customers|clients|buyers|third\s+parties|(?:the\s+)?market)|"
    # models or a graph built from one customer's data and used to serve the vendor's other customers
     + _OTHER_CUSTOMERS + r")\b"
)  # even de-identified data may not be sold or used for any purpose at all


# what a vendor may own without taking the customer's data: usage data, aggregates, statistics, feedback
VENDOR_MAY_OWN = rx(
    r"\b(?:usage|telemetry|aggregat\w*|de-?identified|anonymi[sz]\w*|statistic\w*|analytics|metrics|feedback|suggestions|"
    r"derived|insights?|benchmark\w*|platform|software|services|documentation|intellectual\s+property|know-how|models?)\b"
)
USAGE_ONLY = rx(r"\busage\s+(?:data|statistics|information|metrics)\b|\btelemetry\b")


def _banned_by_prevailing(hit: Hit, bans: list[Sentence]) -> bool:
    """A training use that another document, one that prevails over the hit's, forbids."""
    if not TRAINING.search(hit.sentence.text):
        return False
    return any(
        b.doc.id != hit.sentence.doc.id and (says_it_prevails(b.doc) or doc_rank(b.doc) < precedence(hit))
        for b in bans
    )


def _misuse(hit: Hit, topic: re.Pattern[str]) -> bool:
    """Own-purpose use without opt-in: AI training always counts; other improvement only beyond
    de-identified aggregates or usage telemetry ('Usage Data and Learner Data in pseudonymised form' uses
    more than telemetry)."""
    text = hit.sentence.text
    # ("may store the fingerprint templates ... and compare them with the templates registered by the other clients")
    if OPT_IN.search(text) or not re.search(
        r"\b(?:use|process|train|exploit|sell|licen[cs]e|stor(?:e|es|ing)|compar\w*|shar(?:e|es|ing)|pool\w*)",
        text,
        re.I,
    ):
        return False
    ban = NO_OWN_USE.search(text)
    if (ban and ban.start() < hit.start) or BANNED_AFTER.search(text, hit.end):
        return False
    if TRAINING.search(text) or COMMERCIAL.search(text):
        return True
    excused = OWN_USE_OK.search(USAGE_ONLY.sub(" ", text))
    if excused:
        return False
    return not USAGE_ONLY.search(text) or bool(topic.search(USAGE_ONLY.sub(" ", text)))


KEPT = rx(
    r"\b(?:nothing|no|not)\b[^.;]{0,80}\b(?:transfer|assign|convey|pass|vest)\w*\s+(?:to\s+\w+\s+)?(?:any\s+)?"
    r"(?:ownership|title|right,?\s+title|proprietary\s+rights?)|"
    rf"\b{VEND}\s+(?:acquires|obtains|receives|has|shall\s+(?:acquire|obtain|have))\s+no\s+(?:ownership|title|right,?\s+title|rights?)"
)


def _ownership_kept(ctx: ReviewContext) -> list[Hit]:
    """A denial that ownership passes to the vendor keeps it with the customer: 'Nothing in this Agreement
    transfers ownership of Customer Data to Vendor', 'Vendor acquires no right, title or interest in it'."""
    out = []
    for hit in scan(ctx, "own", KEPT, within=DATA, actors=None):
        if hit.verdict in ("ok", "negated"):
            hit.verdict = "ok"
            out.append(hit)
    return out


LICENCE = rx(
    r"\b(?:licen[cs]e|right\s+to\s+use|permission)\b[^.]{0,120}\b(?:solely|only|limited|to\s+the\s+extent|necessary)\b"
)


_OWNED_BY = r"(?:property\s+of|owned\s+by|belongs?\s+(?:\w+ly\s+)?to|vest\w*\s+in|remains?\s+(?:with|in))"


def _owner_by_alias(text: str, doc_roles: Roles) -> bool | None:
    """The owner named by the family's own party names: 'the property of the Government or Prime' where
    Prime is the customer; None when the owner named is neither party."""
    for m in re.finditer(_OWNED_BY + r"\s+(?P<who>[^.;,]{1,40})", text, re.I):
        who = m.group("who")
        if doc_roles.customer.search(who):
            return True
        if doc_roles.vendor.search(who):
            return False
    return None


def _owner_ok(hit: Hit) -> bool:
    """Ownership runs to the customer: 'Customer owns', 'property of Customer', 'Customer retains all right'."""
    text = hit.sentence.text
    by_alias = _owner_by_alias(text, family_roles([hit.sentence.doc]))
    if by_alias is not None:
        return by_alias
    for party, answer in ((CUST, True), (VEND, False)):
        if re.search(
            rf"{_OWNED_BY}\s+(?:the\s+)?{party}\b",
            text,
            re.I,
        ):
            return answer
    if re.search(
        rf"\b{CUST}\s+(?:shall\s+|will\s+)?(?:own|retains?\s+(?:all\s+)?(?:right|ownership))", text, re.I
    ):
        return True
    return hit.role in ("customer", "both", None)


# a defined term whose meaning is the customer's information ("'Databases' means the information of the
# Client ...") names its data as much as one whose meaning says "data"
_DATA_WORDS = re.compile(
    r"\b(?:data|metadata|contents?|files|prompts|messages|materials?|documents|records|uploads|databases?|images)\b|"
    rf"\binformation\s+(?:of|belonging\s+to|provided\s+by|supplied\s+by|submitted\s+by)\s+(?:the\s+)?{CUST}\b|"
    # '"Datos de la Cooperativa": all information that LA COOPERATIVA or its Users load into the Platform'
    r"\binformation\s+(?:that|which)\s+[^.;]{0,60}?\b(?:load|upload|enter|submit|input|transmit)\w*|"
    # '"Data" means all information entered into or generated in the Platform by or for the CLIENT'
    r"\binformation\s+(?:entered|loaded|uploaded|submitted|input|generated)\s+(?:into|in|to|on|by)\b",
    re.I,
)


# '"Datos" means all information that LA EXPORTADORA, its supplier farms or its users load into or generate in the
# Plataforma': a definition that names the loading late
_INFO_LOADED = re.compile(
    r"^\s*(?:all\s+|any\s+)?(?:information|data)\s+(?:that|which)\b[^.;]{0,120}?\b(?:load|upload|enter|submit|input|transmit)\w*",
    re.I,
)


def data_terms(ctx: ReviewContext) -> re.Pattern[str]:
    """DATA plus the family's own defined terms for the customer's data: '**Inputs** - prompts, files,
    messages ...' makes 'Customer owns all Inputs and all Outputs' a statement about its data."""
    terms = with_terms(
        DATA,
        defined_terms(ctx.documents, _DATA_WORDS)
        | defined_terms(ctx.documents, _INFO_LOADED, reach=140)
        | _capitalised_data(ctx),
    )
    customer = family_roles(ctx.documents).customer.pattern
    # by the family's own name for the customer: "All Network Information", "the information of THE
    # EXPORTER", "the data, documents and information loaded into the Platform by THE EXPORTER"
    named = (
        rf"{customer}(?:'s|’s)?\s+(?:data|information|records|content|files|materials|documents)\b|"
        rf"\b(?:data|information|records|files|documents)\s+of\s+(?:the\s+)?{customer}|"
        # "the records of container movements, vessel calls and equipment productivity of the CLIENT"
        rf"\b(?:data|information|records|files|documents)\s+of\s+(?:[\w,-]+\s+){{1,8}}?of\s+(?:the\s+)?{customer}(?!['’])\b|"
        r"\b(?:data|information|documents|files|content|records)\b[^.;]{0,60}?\b(?:provided|submitted|uploaded|"
        rf"loaded|entered|input|stored|transmitted|supplied)\s+(?:[\w-]+\s+){{0,5}}?by\s+(?:the\s+)?{customer}"
    )
    return re.compile(f"{terms.pattern}|{named}", terms.flags)


# Capitalised data categories name what the contract protects ("Student Data", "Hospital Images"); the
# vendor's own and derived data are not the customer's.
# ("Premise-level Data": a hyphenated category too)
_CAP_DATA = re.compile(
    r"\b([A-Z][a-z]+(?:-[a-z]+)?)\s+(?:Data|Content|Images|Records|Files|Materials|Documents)\b"
)
_NOT_CUSTOMER_DATA = re.compile(
    r"usage|aggregated?|anonymi[sz]ed|statistical|service|performance|system|account|derived|platform|"
    r"telemetry|diagnostic|technical|open|master|reference|test|sample|provider|supplier|vendor|licensor|company|"
    r"training|feedback|model|market|party|third|public|"
    r"our|the|this|such|any|all|no|personal",
    re.I,
)


def _capitalised_data(ctx: ReviewContext) -> set[str]:
    """'Student Data', 'Shipment Data' and the like, used in the family, except the vendor's own kinds."""
    vendor = family_roles(ctx.documents).vendor
    found = set()
    for doc in ctx.documents:
        for m in _CAP_DATA.finditer(doc.text):
            word = m.group(1)
            if not _NOT_CUSTOMER_DATA.fullmatch(word) and not vendor.fullmatch(word):
                found.add(m.group(0))
    return found


PRONOUN_OBJECT = rx(r"^\s*(?:of\s+|to\s+)?(?:it|them|this|these|that|those)\b")


def _about_data(hit: Hit, topic: re.Pattern[str]) -> bool:
    """The ownership sentence speaks of the customer's data: itself, its lead-in, or through a pronoun
    ('Everything you upload is your data. You own it.') the sentence before it."""
    text = hit.sentence.text
    if topic.search(text) or topic.search(hit.sentence.lead):
        return True
    return bool(PRONOUN_OBJECT.search(text[hit.end :])) and _before_names(hit, topic)


def _before_names(hit: Hit, topic: re.Pattern[str]) -> bool:
    """The sentence just before the hit's names the topic (what a pronoun or 'such data' refers to)."""
    before = [s for s in context(hit, 1) if s.start < hit.sentence.start]
    return bool(before and topic.search(before[-1].text))


# "Vendor may de-identify Client Data. Vendor may use such de-identified data for any lawful purpose": the
# data named by "such" is the customer's, named in the sentence before
SUCH_DATA = rx(r"\b(?:such|that|this|the\s+resulting)\s+(?:[\w-]+\s+){0,2}?(?:data|information)\b")


@register("data_ownership")
def data_ownership(req: Requirement, ctx: ReviewContext) -> Finding:
    """Customer keeps ownership of its data; weak if the vendor may use it for its own purposes."""
    topic = data_terms(ctx)
    roles = family_roles(ctx.documents)
    owns = [h for h in scan(ctx, "own", OWN, actors=None) if _about_data(h, topic)]
    granted = [h for h in ok(owns) if _owner_ok(h)] or _ownership_kept(ctx)
    used = USE_DATA if topic is DATA else re.compile(f"{USE_DATA.pattern}|{topic.pattern}", re.I)
    vendor_side: tuple[Role | None, ...] = ("vendor", "both", None)
    uses = ok(scan(ctx, "use", OWN_USE, within=used, actors=vendor_side))
    uses = add_new_sentences(uses, ok(scan(ctx, "use", TRAINING, within=SERVICE_RECORDS, actors=vendor_side)))
    # ("may use the purchase histories of the collectors ... to feed the marketplace that it offers to other dealers")
    records = ok(scan(ctx, "use", OWN_USE, within=SERVICE_RECORDS, actors=vendor_side))
    # records the vendor strips of names before using them are the customer's ("to use the goods descriptions ...
    # contained in the Declarations, after removal of the Client's name ..., to enrich the classification assistant
    # ... made available to all users of the Solution")
    records += ok(scan(ctx, "use", OWN_USE, within=DEIDENTIFIED, actors=vendor_side))
    uses = add_new_sentences(uses, [h for h in records if COMMERCIAL.search(h.sentence.text)])
    such = ok(scan(ctx, "use", OWN_USE, within=SUCH_DATA, actors=vendor_side))
    uses = add_new_sentences(uses, [h for h in such if _before_names(h, used)])
    misuse = [h for h in uses if _misuse(h, used) and not disapplied(h, ctx)]
    # "Vendor shall not use Borough Data to develop or train any ... model, whether or not the Borough opts out", in
    # a rider that prevails: the terms' training licence no longer stands
    # (a ban on the customer's data as a whole: "Selfie images ... shall not be used to train any model" leaves the
    # training on the other images standing)
    bans = [
        sent
        for sent in family_sentences(ctx)
        if (ban := NO_OWN_USE.search(sent.text)) is not None
        and TRAINING.search(sent.text, ban.end())
        and topic.search(sent.text)
    ]
    misuse = [h for h in misuse if not _banned_by_prevailing(h, bans)]
    weak = (
        [f"the vendor may use customer data for its own purposes ({misuse[0].sentence.where})"]
        if misuse
        else []
    )
    # a limited licence alone is purpose limitation, not ownership: without an ownership statement it is
    # missing (quoted as related text); own-purpose use without one is weak
    licence = ok(scan(ctx, "licence", LICENCE, within=topic))
    wrong = [h for h in ok(owns) if not _owner_ok(h)]
    # the vendor owns the data itself when the data is the subject ("The Traceability Data are the property of the
    # Provider"), not when it owns its services "whether or not based on Your Content"
    # (not the adjective: "transferring the Customer Data ... to the Customer's own infrastructure")
    vendor_owns_data = [
        h
        for h in wrong
        if topic.search(h.sentence.text[: h.start]) and h.sentence.text[h.start : h.end].lower() != "own"
    ]
    # "All Transaction Data shall be the sole and exclusive property of Vendor": the vendor owns the customer's
    # business records themselves (not only usage statistics or aggregates): whatever else the customer keeps, its
    # data is not its own
    core = [
        h
        for h in vendor_owns_data
        if not VENDOR_MAY_OWN.search(h.sentence.text)
        and re.match(
            r"(?:own(?:s|ed)?\b|(?:sole\s+and\s+)?exclusive\s+property|property\s+of|title\s+to|all\s+right)",
            h.sentence.text[h.start : h.end],
            re.I,
        )
        and (h.role == "vendor" or _owner_by_alias(h.sentence.text, roles) is False)
    ]
    if core:
        granted, weak = [], []
    if not granted and misuse and not vendor_owns_data:
        # (where the vendor owns the data itself, "The Traceability Data are the property of the Provider", the
        # customer has nothing to keep: missing, whatever the vendor does with it)
        granted, weak = licence[:1], [*weak, "customer ownership of its data is not stated"]
    for h in wrong:
        h.verdict = "wrong_direction"
    out = decide(
        req,
        granted + (misuse[:1] if granted or not vendor_owns_data else []),
        weak=weak,
        ctx=ctx,
        present_reason=f"The customer keeps ownership of its data ({granted[0].sentence.where})."
        if granted and granted[0].element == "own"
        else "Customer data use is addressed",
        rejected=wrong + [h for h in owns if not h.ok],
        missing_reason=f"The vendor owns the customer's data itself ({core[0].sentence.where}), whatever else the "
        "customer keeps."
        if core
        else "No clause states that the customer owns its data"
        + (f"; {licence[0].sentence.where} only licenses its use to the vendor." if licence else "."),
    )
    return to_finding(req, out)


# --- data retention -----------------------------------------------------------------------------
DELETE = rx(r"\b(?:delet|destroy|destruct|eras|purg|return|dispos|anonymi[sz])\w*")
RETAIN = rx(r"\bretain\w*|\bretention\b|\bkeep\b|\bkept\b|\bheld\b|\bstore\w*")
RET_TOPIC = rx(
    r"\b(?:data|contents?|backups?|databases?|PHI|protected\s+health\s+information|personal\s+information)\b"
)
RET_WHEN = rx(
    # (a "support request" to restore archived records asks for no deletion or return)
    r"terminat|expir|end\s+of|(?<!support\s)(?<!service\s)(?<!change\s)request|cessation|retention\s+period|no\s+longer\s+(?:needed|required|necessary)|"
    # a written order to destroy: "Within thirty (30) days after receiving a Destruction Direction, the Contractor shall
    # destroy ..."
    r"\b(?:destruction|deletion|disposal)\s+(?:direction|instruction|order|notice)s?\b|"
    # ("the records retention and disposition schedule approved by the State Records Administrator")
    r"thereafter|retention\s+(?:and\s+(?:disposition|disposal|destruction)\s+)?(?:polic\w*|schedules?)|clos\w*\s+(?:of\s+)?(?:your|its|the)\s+account|account\s+(?:closure|deletion)|cancel|completion|"
    r"account\s+(?:is\s+)?clos\w*|"
    r"end\s+of\s+the\s+(?:services|engagement|project)|\bends\b|\bended\b|after\s+the\s+(?:agreement|contract|term)|"
    r"\bend[\s-]date\b|"  # public-sector call-offs: "within 120 days of the End Date"
    # "upon the achievement of the purposes of their processing"; "confirmation that the migration ... has been
    # completed"
    r"\bachievement\s+of\s+the\s+purposes?\b|\bpurposes?\s+(?:\w+\s+){0,3}?(?:has|have)\s+been\s+(?:achieved|fulfilled)\b|"
    r"\b(?:migration|transition|hand-?over|export|transfer)\b[^.;]{0,80}?\b(?:has\s+been|have\s+been|is|are)\s+complet\w*|"
    # "Once you confirm that you have received the export, we will delete ...": an exit step
    r"\bonce\b[^.;]{0,80}\b(?:export|hand-?over|data\s+return|migration)\w*|"
    # "within two weeks after the handover is complete": the exit steps that follow termination
    r"(?:after|following|on|upon|of)\s+(?:the\s+)?(?:completion\s+of\s+(?:the\s+)?)?(?:[\w-]+\s+)?"
    r"(?:handover|hand-over|transition|exit|off-?boarding|migration|data\s+(?:return|export))\b"
)
RET_WEAK = {
    "retention is left to the vendor's needs": rx(
        rf"as\s+(?:long\s+as\s+)?(?:the\s+)?{VEND}\s+(?:requires?|deems?|considers?|determines?|needs?)|as\s+long\s+as\s+(?:necessary|required|needed)\s+for\s+(?:its|our|the\s+{VEND}'?s)|"
        r"\bindefinitely\b|in\s+(?:its|our)\s+(?:sole\s+)?discretion|for\s+(?:its|our|\w+'s)\s+(?:own\s+)?(?:\w+\s+)?(?:business|internal|legitimate)\s+purposes|"
        rf"for\s+such\s+period\s+as\s+(?:the\s+)?\w+\s+(?:requires|determines|deems|considers)|determined\s+by\s+(?:the\s+)?\w+'?s?\s+"
        r"(?:own\s+)?(?:internal|operational|business)|(?:internal|operational|business)\s+(?:operational\s+)?(?:requirements|needs)|"
        # "delete it in accordance with the Provider's standard data retention schedule": the vendor's own clock
        rf"in\s+accordance\s+with\s+(?:the\s+)?(?:{VEND}(?:'s|’s)|its|our)\s+(?:own\s+)?(?:standard\s+|internal\s+)?"
        r"(?:data\s+)?(?:retention|deletion|destruction)\s+(?:schedules?|polic(?:y|ies)|procedures?)"
    ),
}


KEEP_CARVE_OUT = rx(
    r"\b(?:save|except|provided|but|other\s+than)\b[^.;]{0,60}\b(?:may|shall|will|can)\s+(?:\w+\s+){0,2}?"
    r"(?:retain|keep|archive|hold|store)\b[^.;]*$"
)


def _deletion_days(hits: list[Hit]) -> tuple[int | None, Hit | None, str]:
    """Deadline for deletion: in each sentence, the duration nearest a deletion verb (else a return verb)."""
    values: list[tuple[int, Hit]] = []
    for hit in hits:
        text = hit.sentence.text
        # (a heading glued to the sentence, "Termination assistance and deletion", lends it no deletion verb)
        body = glued_heading_end(text)
        verbs = [m.start() for m in DELETE_VERB.finditer(text, body)] or [
            m.start() for m in DELETE.finditer(text, body)
        ]
        if not verbs and hit.start < body:
            continue
        verbs = verbs or [hit.start]  # "shall not retain Customer Data after 30 days": the retain verb
        found = [d for d in find_durations(text) if d.unit not in {"hours"} or d.value >= 24]
        # "..., save that the Provider may retain certificates for up to ten years": a carve-out's period
        found = [d for d in found if not KEEP_CARVE_OUT.search(text[max(0, d.start - 120) : d.start])]
        # "to be agreed by the Parties within sixty (60) days of the signing of this Contract": a set-up deadline
        found = [d for d in found if not FROM_START.match(text, d.end)]
        # "delete all Your Data from the Service within 30 days, and from its backups within ninety (90) days": the
        # live data's deadline decides, as across sentences below
        live_found = [d for d in found if not BACKUP_LEAD.search(text[max(0, d.start - 40) : d.start])]
        found = live_found or found
        if verbs and found:
            nearest = min(found, key=lambda d: min(abs(d.start - v) for v in verbs))
            values.append((nearest.days(), hit))
    # "Backup copies shall be overwritten ... within ninety (90) days thereafter": the deadline that decides is
    # the one for the live data, when the contract states one
    live = [(v, h) for v, h in values if not BACKUP_ROTATION.search(h.sentence.text)]
    return pick_value(live or values, "max")


BACKUP_LEAD = rx(r"\b(?:backups?|back-ups?|backup\s+(?:copies|media|tapes|systems))\b[^.;,]{0,25}$")
BACKUP_ROTATION = rx(
    r"\bbackups?\b[^.;]{0,80}\b(?:overwrit\w*|rotat\w*|expir\w*|cycl\w*)|\b(?:rotation|cycle)\b"
)


# ('"Acta de Entrega" means the return-and-receipt certificate signed by the parties at the end of the contract')
END_EVENT = rx(
    r"\b(?:terminat\w*|expir\w*|exit)\b|\bend\s+of\s+(?:the|this)\s+(?:contract|agreement|term|services)\b"
)


def _on_exit(hit: Hit, when: re.Pattern[str] = RET_WHEN) -> bool:
    """The sentence (or the one before it, for 'After that, we will delete your data') speaks of the end
    of the contract, a request or a retention period (`when`: RET_WHEN and the family's own end events)."""
    if when.search(hit.sentence.text):
        return True
    before = [s for s in context(hit, 2) if s.start < hit.sentence.start]
    lead = re.match(
        # ("After delivery of that copy, the Contractor shall purge State Data ...")
        r"\W*(?:\d+(?:\.\d+)*\W*)?(?:after\s+that|thereafter|then|following\s+(?:that|such|this)|at\s+the\s+end\s+of|"
        r"(?:after|following)\s+(?:the\s+)?(?:delivery|completion|receipt|transfer|return)\s+of\s+(?:that|such|this|the)\b)",
        hit.sentence.text,
        re.I,
    )
    if lead and before and when.search(before[-1].text):
        return True
    # "After the read-only period, we'll delete...": a period named earlier in the clause, which the
    # sentence before or the one before that ties to the end of the contract.
    period = re.match(_AFTER_PERIOD, hit.sentence.text, re.I)
    if period and any(when.search(s.text) for s in before[-2:]):
        return True
    # "Vendor shall destroy all Education Records within the period stated in Exhibit C", in a section whose
    # earlier sentences speak of the end: its deadline is kept elsewhere, its trigger is the section's
    return bool(
        DEADLINE_ELSEWHERE.search(hit.sentence.text) and any(when.search(s.text) for s in before[-2:])
    )


DEADLINE_ELSEWHERE = rx(
    r"\b(?:within|by|after)\s+the\s+(?:time\s+|retention\s+|destruction\s+|deletion\s+)?(?:period|deadline|time\s+limit)s?\s+"
    r"(?:stated|set\s+(?:out|forth)|specified|provided(?:\s+for)?|laid\s+down|defined|fixed)\s+in\b"
)


_AFTER_PERIOD = (
    r"\W*(?:after|following|at\s+the\s+end\s+of|once|when)\s+(?:the\s+|that\s+|this\s+|such\s+)"
    r"(?:[\w-]+\s+){0,2}(?:period|window|time|phase)\b"
)


NO_DUTY = rx(r"not\s+(?:be\s+)?(?:required|obliged|obligated)|no\s+obligation|under\s+no|need\s+not")
# "instructs the Processor not to delete the personal data", "is not required to delete": no deletion at all ("when
# the data is no longer required ..., Contractor shall destroy" is a trigger, not a refusal)
REFUSED = rx(
    r"\bnot\s+(?:to\s+)?(?:delet|destr|eras|purg)\w*|\b(?:"
    + NO_DUTY.pattern
    + r")\s+(?:\w+\s+){0,3}?(?:to\s+)?(?:delet|destr|eras|purg)\w*"
)


def _retention_limits(ctx: ReviewContext) -> list[Hit]:
    """A ban on keeping the data is a deletion duty: 'Vendor shall not retain any Customer Data after 30 days
    following termination', 'shall not be kept ... longer than 90 days after termination' (but 'Vendor is not
    required to retain' is not)."""
    out = []
    for hit in scan(ctx, "retain", RETAIN, within=RET_TOPIC):
        text = hit.sentence.text
        if hit.verdict == "negated" and RET_WHEN.search(text) and not NO_DUTY.search(text):
            hit.verdict = "ok"
            out.append(hit)
    return out


# the vendor's operational records; "payroll records" or "the Customer's records" are the customer's data
OWN_RECORDS = rx(
    r"\s+(?:the\s+|all\s+|such\s+)?(?:(?:its|our)\s+(?:own\s+)?(?:books|records)|(?:[\w-]+\s+){0,2}?(?:logs?|audit\s+trails?|"
    r"footage)|books(?:\s+and\s+records)?|(?:access|entry|visitor|audit|security|financial|billing|accounting|"
    r"transaction)\s+records|invoices)\b"
)


ALSO_DATA = rx(r"\b(?:and|or|plus|together\s+with|as\s+well\s+as)\b[^.;]{0,40}?\b(?:data|content|backups?)\b")


def _own_records(hit: Hit) -> bool:
    """'retain the access logs for twelve months', 'keep its books and records': the vendor keeping its own
    records is not retention of the customer's data ('transaction records and Your Content' still is)."""
    text = hit.sentence.text
    obj = re.split(r"\s(?:for|until|after|during|in|on|at)\s|[,;.]", text[hit.end :], maxsplit=1)[0]
    return bool(OWN_RECORDS.match(text, hit.end)) and not ALSO_DATA.search(obj)


# "keep an audit trail of all restore, deletion and retention actions ... for twelve months": a record of what
# was done to the data, whose own retention is no deletion of the data
ACTIVITY_LOG = rx(
    r"\b(?:keep|maintain|retain|record)\w*\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:audit\s+trails?|logs?|records?)\s+of\s+"
    r"(?:all\s+|any\s+|each\s+)?(?:[\w,-]+\s+){0,8}?(?:actions|operations|activit(?:y|ies)|events|requests|changes)\b"
)


CUSTOMER_CHOICE = rx(
    rf"\b{CUST}(?:'s|’s)?\s+(?:\w+\s+){{0,2}}?(?:selects?|chooses?|configures?|sets|instructs?|determines?|decides?|elects?)\b"
)


def _vendor_choice(reasons: list[str], found: list[Hit]) -> tuple[list[str], list[Hit]]:
    """Drop retention signals that the customer controls ('kept for the period Customer's administrators
    select, up to indefinitely'): only a period the vendor decides is left to the vendor's needs."""
    kept = [
        (r, h) for r, h in zip(reasons, found, strict=True) if not CUSTOMER_CHOICE.search(h.sentence.text)
    ]
    return [r for r, _ in kept], [h for _, h in kept]


# A rolling limit deletes the data whatever happens to the contract: "Inputs are retained for up to
# thirty days and are then deleted", "logs are kept for no more than 90 days, after which they are erased".
ROLLING = rx(
    r"\b(?:retain\w*|kept|stored|held)\s+for\s+(?:up\s+to|no\s+(?:more|longer)\s+than|not\s+more\s+than|a\s+maximum\s+of|"
    r"at\s+most)\s+[^.;]{1,60}?\b(?:then|thereafter|after\s+which|afterwards)\b[^.;]{0,30}?\b(?:delet|destr|eras|purg)\w*"
)


# "keep the Customer's workspace available in read-only mode ... and the Customer may export": an export
# window (exit assistance), which says nothing about what happens to the data afterwards
KEPT_FOR_EXPORT = rx(
    r"\b(?:keep|kept|maintain|leave)\w*\s+(?:[\w'’-]+\s+){0,5}?(?:available|accessible|open)\b[^.;]{0,160}?"
    r"\b(?:export|download|retriev|extract)\w*"
)


@register("data_retention")
def data_retention(req: Requirement, ctx: ReviewContext) -> Finding:
    """Deletion or return of customer data after termination or on request, with a deadline."""
    topic = re.compile(f"{RET_TOPIC.pattern}|{data_terms(ctx).pattern}", re.I)
    # the family's own names for a step of the end: '"Transfer-acceptance act" - the act ... confirming the
    # transfer of the System upon the termination of the Contract'
    ends = with_terms(RET_WHEN, defined_terms(ctx.documents, END_EVENT, reach=200))
    hits = [
        h
        for h in scan(ctx, "delete", DELETE_VERB, within=topic)
        if (_on_exit(h, ends) or ROLLING.search(h.sentence.text))
        and not CONFIDENTIAL.search(h.sentence.text)
        and not ACTIVITY_LOG.search(h.sentence.text)
    ]
    # "Section 4.4 of the Vendor Terms ... do(es) not apply": a deletion clause another document switches off
    hits = [h for h in hits if not (h.ok and disapplied(h, ctx))]
    granted = ok(hits) or _retention_limits(ctx)
    # "the Controller instructs the Processor not to delete the personal data after the Export Period": with no
    # deletion anywhere, the archive kept instead is the absence of deletion, not a deletion without deadline
    refused = [
        h
        for h in scan(ctx, "delete", DELETE_VERB, within=topic)
        if h.verdict == "negated" and REFUSED.search(h.sentence.text)
    ]
    if not granted:
        kept = [
            h
            for h in ok(scan(ctx, "retain", RETAIN, within=RET_TOPIC))
            if not refused
            and not _own_records(h)
            and not KEPT_FOR_EXPORT.search(h.sentence.text)
            and (
                RET_WHEN.search(h.sentence.text)
                or any(rx_.search(h.sentence.text) for rx_ in RET_WEAK.values())
            )
        ]
        weak, extra = weak_signals(kept, RET_WEAK)
        out = decide(
            req,
            kept[:1] + extra,
            weak=[*weak, "retention is stated but no deletion or return"],
            present_reason=f"Retention after termination is addressed ({kept[0].sentence.where if kept else ''})",
            rejected=[h for h in hits if not h.ok]
            + [h for h in refused if all(h.sentence is not x.sentence for x in hits)],
            ctx=ctx,
            missing_reason="No clause requires deletion or return of customer data after termination.",
        )
        return to_finding(req, out)
    days, best, note = _deletion_days(granted)
    if days is None:
        # "shall delete the Client Data in accordance with the retention and deletion provisions of the Processing
        # Agreement": the deadline is in a document or schedule that was not provided
        unclear = unclear_reference(ctx, req, granted)
        if unclear is not None:
            return to_finding(req, unclear)
    weak, extra = drop_outranked(*_vendor_choice(*weak_signals(granted, RET_WEAK, radius=1)), best)
    if granted and days is None:
        weak.append("deletion is promised without a deadline")
    evidence = ([best] if best else []) + [h for h in granted if h is not best][:1] + extra
    where = evidence[0].sentence.where if evidence else ""
    when = f"within {days} days" if days is not None else "with no deadline"
    out = decide(
        req,
        evidence,
        present_reason=f"The vendor deletes or returns customer data {when} ({where}).{note}",
        weak=weak,
        params={"deletion_days": days},
        rejected=[h for h in hits if not h.ok],
        ctx=ctx,
        missing_reason="No clause requires deletion or return of customer data after termination.",
    )
    return to_finding(req, out)
