"""Rule extractors for security: concrete security obligations, access control and logging, and
incident notification."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.models import Finding, Status
from assistant.playbook import Requirement
from extractors.base import ReviewContext, register
from extractors.parties import Roles, actor, family_roles
from extractors.rules import (
    CONFIDENTIAL,
    CUST,
    Hit,
    Outcome,
    add_new_sentences,
    context,
    dangling_reference,
    decide,
    durations_in,
    is_negated,
    ok,
    pick_value,
    rx,
    scan,
    to_finding,
    to_vendor,
    unclear_reference,
)
from extractors.spans import (
    PENDING,
    RUN_IN_LABEL,
    TO_HOLD,
    XREF_RE,
    defined_terms,
    family_sentences,
    sentence_before,
    target_missing,
    with_terms,
)
from extractors.text import find_durations

# --- security obligations -----------------------------------------------------------------------
STANDARD = rx(
    r"ISO(?:/IEC)?\s*2700[12]|\bSOC\s*(?:2|II)\b|SSAE\s*1[68]|ISAE\s*3402|PCI[- ]DSS|\bNIST\b|CSA\s+STAR|"
    r"FedRAMP|Cyber\s+Essentials|HITRUST"
)
ENCRYPT = rx(r"\bencrypt\w*|\bAES[- ]?\d*\b|\bTLS\b")
PROGRAMME = rx(
    r"(?:written|documented|comprehensive|formal)\s+(?:information\s+)?security\s+(?:program|programme|polic)|"
    r"information\s+security\s+management\s+system|\bISMS\b|penetration\s+test|vulnerability\s+(?:scan|assessment|management)"
)
GENERIC_SEC = rx(
    r"(?:commercially\s+reasonable|industry[- ]standard|reasonable|appropriate|adequate|customary)\s+(?:[\w,-]+\s+){0,5}?"
    r"(?:security|safeguards|measures|precautions)|"
    # "security measures reasonably appropriate to protect the Personal Data"
    r"\b(?:security\s+)?(?:measures|safeguards)\s+(?:\w+\s+){0,2}?(?:reasonably\s+)?(?:appropriate|adequate|reasonable)\s+to\s+protect"
)

# UK and Australian drafting: "protect Buyer Data using Good Industry Practice", "security measures
# consistent with good industry practice" - a general standard of care, once it is aimed at security
GOOD_PRACTICE = rx(
    r"\b(?:good|best|prudent|recognised|recognized|accepted)\s+(?:industry|commercial)\s+practices?\b|"
    r"\bindustry\s+best\s+practices?\b|"
    # translated drafting: "in accordance with generally accepted practice"
    r"\bgenerally\s+(?:accepted|recogni[sz]ed)\s+(?:[\w-]+\s+)?(?:practices?|standards?)\b|"
    # "the measures generally followed in the telecommunications sector"
    r"\bgenerally\s+(?:followed|used|applied|adopted)\s+in\s+the\s+(?:[\w-]+\s+){0,2}?(?:sector|industry)\b|"
    # "security measures in accordance with industry standard practices"; French drafting's "rules of the art"
    # (les règles de l'art) in translation
    r"\bindustry[- ]standard\s+practices?\b|\brules\s+of\s+the\s+art\b"
)
# ("the technical and organisational measures necessary to preserve the integrity, availability and confidentiality")
SECURE_AIM = rx(
    r"\bsecur\w*|\bprotect\w*|\bsafeguard\w*|\btechnical\s+and\s+organi[sz]ational\s+measures\b|"
    r"\bintegrity\s*,?\s+(?:availability\s*,?\s+)?(?:and\s+)?confidentiality\b"
)
# "security measures no lower than those it maintains for its own information", "the same degree of care
# as it uses for its own systems": a standard measured against the vendor's own practice is no commitment
# to anything concrete (aimed at security, not at confidential information alone)
OWN_CARE = rx(
    r"\b(?:no|not)\s+(?:lower|less)\s+than\s+(?:those|that|the\s+\w+)\s+(?:which\s+|that\s+)?\w+\s+"
    r"(?:uses?|maintains?|applies|employs|implements?)\b[^.;]{0,40}?\b(?:its|their)\s+own\b|"
    r"\bsame\s+(?:degree\s+of\s+|level\s+of\s+)?(?:care|protection|security)\s+(?:as|that)\b[^.;]{0,60}?\b(?:its|their)\s+own\b"
)
SECURITY_MEASURES = rx(r"\bsecurity\s+(?:measures|controls|safeguards)|\bsafeguards\b")


def _obligation_rank(hit: Hit) -> int:
    """Operative security commitments first; report deliveries and descriptions last."""
    text = hit.sentence.text
    if re.search(r"\breports?\b|request", text, re.I):
        return 2
    return 0 if re.search(r"\b(?:shall|will|must|maintains?|agrees)\b", text, re.I) else 1


REPORT_COPY = rx(
    r"\b(?:copy|copies|summary|summaries)\s+of\b|\breports?\b[^.;]{0,40}\b(?:on\s+request|upon\s+request)|\bon\s+request\b"
)
MAINTAINED = rx(
    # ("certified", "certification"; a "copy of its ISO certificate" is a document to hand over)
    r"\bmaintain\w*|\bcompl(?:y|ies|iance|iant)\b|\bcertif(?!icates?\b)\w*|\badhere\w*|\baligned\b|\bconform\w*|\bannual\w*|"
    r"\b(?:each|every)\s+year\b"
)


ASPIRATION = rx(
    r"\bworking\s+towards\b|\b(?:expects?|intends?|plans?|aims?|hopes?)\s+to\s+(?:obtain|achieve|attain|gain|secure)\b|"
    r"\b(?:is|are)\s+(?:seeking|pursuing)\s+(?:\w+\s+){0,3}?certification"
)


def _report_only(hit: Hit) -> bool:
    """'Vendor will provide, on request, a copy of its most recent SOC 2 Type I report summary': a standard
    named only as a document to hand over, with no duty to maintain, comply with or renew it."""
    text = hit.sentence.text
    return (
        hit.element in {"standard", "programme"}
        and bool(REPORT_COPY.search(text))
        and not MAINTAINED.search(text)
    )


# "The Platform supports encryption of form submissions", "The Officer shall decide whether encryption is enabled":
# a capability of the product, or a setting someone chooses, binds the vendor to nothing
CAPABILITY = rx(
    r"\b(?:platform|service|software|system|application|app|product|solution|tool)s?\s+(?:\w+\s+)?"
    r"(?:supports?|allows?|enables?|offers?|permits?|can\s+(?:be\s+configured\s+to\s+)?(?:use|apply))\b"
)
CHOSEN = rx(r"\b(?:decide|decides|choose|chooses|elect|elects|determine|determines)\s+whether\b")


def _optional_control(hit: Hit) -> bool:
    """The encryption named is a product capability or a setting left to someone's choice, not a duty."""
    if hit.element != "encryption":
        return False
    before = hit.sentence.text[max(0, hit.start - 80) : hit.start]
    return bool(CAPABILITY.search(before) or CHOSEN.search(before))


# "Card payments are handled by our payment processor, which is certified as a PCI DSS Level 1 service provider":
# another company's certificate, not a commitment of the vendor
THIRD_PARTY_CERT = rx(
    r"\b(?:payment\s+(?:processor|provider|gateway|service\s+provider)|card\s+processor|acquirer)s?\b[^.;]{0,60}?"
    r"\b(?:is|are|which\s+is|which\s+are)\s+(?:\w+\s+)?(?:certified|compliant|accredited|validated)\b|"
    # "Vendor makes that provider's ISO/IEC 27001 certificate and SOC 2 reports available ... for information only"
    r"\bprovider(?:'s|’s)\s+(?:ISO(?:/IEC)?\s*2700[12]|SOC\s*[12]|certif\w*)|"
    # "processed by the payment gateway of the Operator's bank, which holds its own PCI DSS certification"
    r"\b(?:payment\s+(?:processor|provider|gateway|service\s+provider)|card\s+processor|acquirer)s?\b[^.;]{0,80}?"
    r"\b(?:which|that|who)\s+(?:maintains?|holds?|has)\s+(?:its|their)\s+own\b|"
    # "hosted on the infrastructure of an international cloud provider which maintains ISO/IEC 27001 ... certifications"
    # (or "which the Supplier understands to hold ISO/IEC 27001 certification")
    r"\b(?:cloud|hosting|infrastructure|data\s+cent(?:re|er))\s+(?:service\s+)?(?:providers?|operators?)\b[^.;]{0,40}?"
    r"\b(?:which|that|who)\s+(?:[\w-]+\s+){0,4}?(?:maintains?|holds?|hold|has|have|to\s+(?:be|hold|have|maintain))\b[^.;]{0,60}?\bcertif|"
    # "Our hosting provider maintains ISO/IEC 27001 certification and SOC 2 reports"
    r"\b(?:our|its|the|their)\s+(?:third-party\s+)?(?:cloud|hosting|infrastructure|data\s+cent(?:re|er))\s+(?:service\s+)?"
    r"(?:providers?|operators?)\s+(?:maintains?|holds?|has|is|are)\b[^.;]{0,60}?(?:\bcertif|\bSOC\s*[12]|\bISO\b)"
)


# "Annex C shall cover, among other matters, the standards ..., the encryption of the Data ...": what an attachment
# is to hold, not an obligation of the vendor
# ("The PAS shall set out in particular the hosting, encryption, backup ... requirements": a plan still to be written)
ANNEX_COVERS = rx(
    r"\W*(?:\d[\d.]*\s+)?(?:the\s+)?(?:(?:Schedule|Annex(?:ure)?|Appendix|Exhibit|Attachment)\s+[\w.()-]+|"
    r"(?-i:(?:[A-Z][\w-]*\s+){0,3}Plan|[A-Z]{2,5}))" + TO_HOLD
)


_SHOWN_KINDS = ("standard", "encryption", "programme")


def _generic_security(ctx: ReviewContext) -> list[Hit]:
    """'Commercially reasonable' or 'industry standard' security measures: security in general terms only."""
    return (
        ok(scan(ctx, "generic", GENERIC_SEC))
        or ok(scan(ctx, "generic", GOOD_PRACTICE, within=SECURE_AIM))
        or ok(scan(ctx, "generic", OWN_CARE, within=SECURITY_MEASURES))
    )


@register("security_obligations")
def security_obligations(req: Requirement, ctx: ReviewContext) -> Finding:
    """Concrete vendor security obligations (named standard, encryption, written programme)."""
    concrete_all = (
        scan(ctx, "programme", PROGRAMME) + scan(ctx, "encryption", ENCRYPT) + scan(ctx, "standard", STANDARD)
    )
    # "S4 Cyber Essentials." (a row label) and "is working towards Cyber Essentials certification" commit to nothing
    concrete = [
        h
        for h in ok(concrete_all)
        if len(h.sentence.text.split()) > 3
        and not ASPIRATION.search(h.sentence.text)
        and not _optional_control(h)
        and not THIRD_PARTY_CERT.search(h.sentence.text)
        and not ANNEX_COVERS.match(h.sentence.text)
    ]
    if concrete and all(_report_only(h) for h in concrete):
        out = decide(
            req,
            concrete[:1] + _generic_security(ctx)[:1],
            present_reason=f"A security standard is named only as a report to hand over ({concrete[0].sentence.where})",
            weak=["no obligation to maintain a named standard, encryption or a security programme"],
        )
        return to_finding(req, out)
    if concrete:
        kinds = sorted({h.element for h in concrete})
        ranked = sorted(concrete, key=_obligation_rank)
        # the strongest commitment of each kind, a named standard first: the reviewer sees every kind relied on
        shown = [
            next(h for h in ranked if h.element == kind)
            for kind in _SHOWN_KINDS
            if any(h.element == kind for h in ranked)
        ]
        out = decide(
            req,
            shown,
            present_reason=f"Concrete security obligations: {', '.join(kinds)} "
            f"({concrete[0].sentence.where}).",
        )
        return to_finding(req, out)
    generic = _generic_security(ctx)
    # "Until Schedule 4 is agreed, the Supplier shall take reasonable measures": general terms that only bridge the
    # time until the attachment holding the measures is agreed leave the measures themselves to that attachment
    among: list[Hit] = generic
    if generic and all(PENDING.search(h.sentence.text) for h in generic):
        # (the clause that obliges the vendor to the attachment's measures: "shall implement the information security
        # measures set out in Schedule 4", not the list of the agreement's schedules)
        among = [
            Hit(s, "xref", 0, 0, None, "ok")
            for s in family_sentences(ctx)
            if XREF_RE.search(s.text)
            and SECURE_AIM.search(s.text)
            and re.search(r"\b(?:shall|must|will)\b", s.text)
        ] + generic
    unclear = unclear_reference(ctx, req, among or None)
    if unclear is not None:
        return to_finding(req, unclear)
    out = decide(
        req,
        generic,
        present_reason=f"Security is addressed only in general terms ({generic[0].sentence.where if generic else ''})",
        weak=["only 'reasonable' or 'industry standard' measures, nothing concrete"],
        rejected=[h for h in concrete_all if not h.ok],
        ctx=ctx,
        missing_reason="No clause obliges the vendor to concrete security measures.",
    )
    return to_finding(req, out)


# --- access & logging ---------------------------------------------------------------------------
ACCESS = rx(
    r"least[\s-]+privilege|need[- ]to[- ]know|role[\s-]+based\s+(?:\w+\s+)?access|access\s+(?:controls?|restrictions?|management)|"
    r"(?:restrict|limit)\w*\s+(?:\w+\s+){0,2}access|access\s+(?:[\w'’-]+\s+){0,10}(?:is|shall\s+be|will\s+be|are)\s+(?:restricted|limited)|"
    r"only\s+(?:to\s+)?(?:authori[sz]ed|those)\s+(?:personnel|employees|staff|individuals)|background\s+(?:checks?|screening)|"
    r"multi-?factor|\bMFA\b|unique\s+(?:user\s+)?(?:ids?|credentials)\b|who\s+need\s+(?:such\s+)?access|"
    r"\baccess\w*\b[^.;]{0,100}(?<!read-)(?<!read\s)\b(?:only|exclusively)\b|(?<!read-)(?<!read\s)\b(?:only|exclusively)\b[^.;]{0,100}\baccess\w*\b|(?:legitimate\s+)?business\s+need\s+(?:to\s+know|for\s+access)|"
    r"\bwho\s+(?:require|need)\s+(?:such\s+)?access|"
    # "only to those employees whose job duties require such access"
    r"\bwhose\s+(?:job\s+|official\s+|work\s+)?(?:duties|functions|roles?|responsibilities|tasks)\s+(?:require|necessitate|involve)\b|"
    # personnel controls by their national names: police checks, Garda / NPPV vetting, security clearance
    r"\bvett(?:ed|ing)\b|\bpolice\s+(?:checks?|clearances?|certificates?)|\bcriminal\s+(?:records?|background)\s+checks?|"
    r"\bsecurity\s+clearances?\b|\bsecurity[- ]cleared\b"
)
_OF_ASSET = (
    r"(?!\s+of\s+(?:the\s+|each\s+|a\s+)?(?:plant|equipment|machines?|vehicles?|devices?|engines?|turbines?|trucks?|"
    r"pumps?|meters?)\b)"
)
LOGGING = rx(
    # "call recordings and message logs" are the customer's content, not a record of who accessed it
    r"(?<!message\s)(?<!messaging\s)(?<!call\s)(?<!chat\s)(?<!conversation\s)(?<!sms\s)(?<!delivery\s)"
    # (not "log-ins", nor the "LOG" of a reference number such as "MCA-LOG-2026")
    # (nor "log incidents with the service desk": logging a ticket)
    # (nor a driver's "paper logs" of driving hours)
    r"(?<!paper\s)(?<!driver\s)(?<!driving\s)(?<!trip\s)(?<!flight\s)"
    r"(?<![\w-])log(?:s|ging|ged)?\b(?![-\s]+(?:in|on|into)\b)(?!-\w)"
    # ("electronic logging devices" are a product; "the event log of the plant" records a machine, not access)
    r"(?!\s+devices?\b)"
    + _OF_ASSET
    + r"(?!\s+(?:(?:an?|the|all|any)\s+)?(?:incidents?|tickets?|calls?|requests?|issues?|faults?|defects?|cases?)\b)|audit\s+trails?|monitor\w*\s+(?:of\s+)?(?:all\s+)?(?:\w+\s+)?(?:access|activity|network|usage)|"
    # (monitoring systems as an activity, not "measured by the vendor's monitoring system" for availability)
    r"monitor(?:s|ed)?\s+(?:the\s+|all\s+|its\s+|our\s+)?(?:\w+\s+)?systems?\b|monitoring\s+of\s+(?:the\s+|all\s+|its\s+)?(?:\w+\s+)?systems?\b|"
    # (not a site menu's "Trust & Security Log in")
    r"(?:access|activity|security|event)\s+(?:logs?(?![-\s]+(?:in|on|into)\b)|monitoring)"
    + _OF_ASSET
    + r"|\bSIEM\b|"
    # ("All actions of such employees with the Customer's Data are recorded in an electronic journal")
    r"\b(?:access|activit(?:y|ies)|actions?|sessions?|events?|entr(?:y|ies)|exits?|log-?ins?)\s+(?:[\w'’-]+\s+){0,8}?"
    r"(?:is|are|shall\s+be|will\s+be)\s+(?:\w+\s+)?recorded|"
    # "All privileged sessions ... are brokered through a privileged access management tool, recorded, and ..."
    r"\b(?:privileged|administrative|admin|remote)\s+(?:sessions?|access)\b[^.;]{0,120}?\b(?:recorded|logged)\b|"
    r"\brecords?\s+of\s+(?:all\s+)?(?:\w+\s+)?access|"
    r"\baccess\s+(?:records|histor(?:y|ies)|registers?)\b"
)


VENDOR_CONTROL = rx(
    r"least[\s-]+privilege|role[\s-]+based|multi-?factor|two-?factor|\bMFA\b|\b2FA\b|background\s+(?:checks?|screening|"
    r"verification)|vett\w+|access\s+(?:reviews?|rights\s+(?:are|shall\s+be)\s+reviewed)|unique\s+(?:user\s+)?(?:ids?|"
    r"credentials)|\b(?:systems?|production|environments?|infrastructure|networks?)\b|"
    # "Access of the employees of the Contractor to the Customer Information shall be granted only to ...": the
    # access of the vendor's people is granted, limited or restricted
    r"\baccess\s+of\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,4}?(?:employees|personnel|staff)\b[^.;]{0,80}?\b(?:granted|limited|"
    r"restricted)\b|"
    # access granted by role: "only to those employees whose job duties require such access"
    r"\bwhose\s+(?:job\s+|official\s+|work\s+)?(?:duties|functions|roles?|responsibilities|tasks)\s+(?:require|necessitate)\s+"
    r"(?:such\s+|that\s+|the\s+)?access\b"
)
MUTUAL = rx(
    r"\b(?:each|either|both|a|the)\s+part(?:y|ies)\b|receiving\s+party|disclosing\s+party|\brecipient\b|\bdiscloser\b"
)
# ("communicates Examination Data to them only to the extent they need to know it", an "undertaking of secrecy")
DISCLOSE = rx(
    r"\bdisclos\w*|\bconfidential\w*|proprietary\s+information|\bsecrecy\b|"
    r"\bcommunicat\w*\s+(?:[\w-]+\s+){0,3}?(?:data|information)\s+to\b"
)
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
    # "shall keep Client Data confidential and disclose it only to its employees who need to know it": whom the
    # data may be disclosed to, not who may access it
    if (
        re.match(r"need", text[hit.start : hit.end], re.I)
        and DISCLOSE.search(text)
        and not re.search(r"\baccess", text, re.I)
    ):
        return True
    heading = hit.sentence.clause.heading if hit.sentence.clause is not None else None
    in_confidentiality = bool(heading and re.search(r"confidential", heading, re.I))
    return (in_confidentiality or bool(DISCLOSE.search(text))) and not CUSTOMER_DATA.search(text)


# "Your plan may include features like audit logs": a feature the product might offer is no commitment
MAYBE_FEATURE = rx(
    r"\b(?:may|might|could|can)\s+(?:also\s+)?(?:include|offer|feature|contain|come\s+with|provide\s+features)\b"
    r"|\b(?:optional|add-?on)\s+(?:features?|modules?)\b"
)


# "The platform allows the Client's administrator to create roles and restrict access": a control the customer
# operates with the product's features is customer-side, not the vendor's
_LETS = re.compile(r"\b(?:allow|enable|let|permit)s?\s+(?:the\s+)?", re.I)


@lru_cache(maxsize=64)
def _customer_admins(customer: str) -> re.Pattern[str]:
    """'Your administrators', 'the Customer's users', 'Customer's admins' opening a sentence, for a family's customer
    pattern."""
    return re.compile(
        rf"\W*(?:your|(?:the\s+)?(?:{customer})(?:'s|’s))\s+(?:[\w-]+\s+)?(?:administrators?|admins?|users?)\b",
        re.I,
    )


def _customer_operates(hit: Hit, roles: Roles) -> bool:
    """The hit follows 'allows/enables [the customer or its people] to ...' in its sentence, or the sentence's
    subject is 'They' after one whose subject is the customer's people ('Your administrators control who can use
    the Services. They can assign users to roles, require ... multi-factor authentication ...')."""
    before = hit.sentence.text[: hit.start]
    admins = _customer_admins(roles.customer.pattern)
    # "Your administrator creates User accounts, assigns roles and permissions, and may require multi-factor
    # authentication": the customer's people are the subject
    if admins.match(hit.sentence.text) and not re.search(r"\b(?:we|us|our)\b", before, re.I):
        return True
    if re.match(r"\W*(?:they|these\s+administrators)\b", hit.sentence.text, re.I):
        prior = sentence_before(hit.sentence)
        if prior is not None and admins.match(prior.text):
            return True
    lets = list(_LETS.finditer(before))
    if not lets or len(before) - lets[-1].end() > 160:
        return False
    after = before[lets[-1].end() :]
    return bool(re.match(r"(?:you|your)\b", after, re.I) or roles.customer.match(after))


# "The Trade Log is Customer Data": a log the service keeps as the customer's business record is content
LOG_AS_CONTENT = rx(
    # "give you a complete export of Council Data: the rating database in CSV format ... and the audit trail"
    r"\bexport\s+of\b[^.;]{0,240}\b(?:audit\s+trails?|logs?)\b|"
    r"\blogs?\b[^.;]{0,30}\b(?:is|are|forms?\s+part\s+of|constitutes?)\s+(?:the\s+)?(?-i:[A-Z][\w-]*\s+)?(?-i:Data|Content)\b|"
    # "all Customer Data, including the Trade Log, available for download"
    r"(?-i:\b(?:Data|Content))\b,?\s+including\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?logs?\b"
)
# "The Provider may audit the Customer's use of the Platform to verify that only Authorised Users have access":
# a licence check of the customer, not a restriction of the vendor's access
LICENCE_CHECK = rx(
    r"\b(?:audit|verify|check|inspect)\w*\s+(?:the\s+)?[\w-]+(?:'s|’s)\s+(?:use|usage|deployment|compliance\s+with\s+(?:the\s+)?licen)"
)


def _maybe_feature(hit: Hit) -> bool:
    """The control is named among features the product may include, before the hit in its sentence."""
    return bool(MAYBE_FEATURE.search(hit.sentence.text[: hit.start]))


# "an audit trail of every change your users make", "recording every view ... by any User": a product feature
# that logs the customer's own users, not the vendor's access to the data
_DEFINED_USERS = re.compile(
    # ("recording the date, time and User of each upload")
    r"\b(?:by|of)\s+(?:a\s+|any\s+|each\s+|every\s+|the\s+)?(?:[Aa]uthori[sz]ed\s+)?Users?\b|\bUsers?\s+(?:of|who)\s+each\b"
)
VENDOR_STAFF = rx(
    r"\b(?:staff|personnel|employees|administrators?|admins?|engineers|support\s+team|operators|sub-?processors?|"
    r"analysts?|technicians?)\b"
    # ("admin users", "administrator accounts": roles in the customer's tenant)
    r"(?!\s+(?:console|panel|portal|page|interface|dashboard|users?|accounts?))"
)


@lru_cache(maxsize=64)
def _customer_side(customer: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the customer's users, 'the customer's ... ' just before a word) for a family's customer pattern."""
    owner = rf"(?:\b(?:your|its)|{customer})"
    users = re.compile(
        rf"{owner}(?:'s|’s)?\s+(?:authori[sz]ed\s+|end[- ]|key\s+)?users?\b|"
        # ("an audit log of the actions of your Agents"; "its staff" may be the vendor's)
        r"\byour\s+(?:agents|staff)\b|"
        # ("every verification decision made by the Customer's compliance officers", "every access by EL CLIENTE's
        # physicians")
        rf"\b(?:made|taken|performed|entered)\s+by\s+(?:the\s+)?{owner}(?:'s|’s)\s+(?:[\w-]+\s+)?(?:officers?|staff|employees|"
        r"administrators?|admins?|personnel|agents|operators?)\b|"
        rf"\baccess(?:es)?\s+by\s+(?:the\s+)?{owner}(?:'s|’s)\s+[\w-]+|"
        # ("a log of the operations performed by the users of EL CLIENTE")
        rf"\b(?:authori[sz]ed\s+)?users\s+of\s+(?:the\s+)?{customer}\b|"
        # "an activity log showing who in your organization viewed or edited"
        rf"\b(?:who|anyone|everyone|people)\s+in\s+{owner}(?:'s|’s)?\s+(?:organi[sz]ation|company|team|account)\b",
        re.I,
    )
    # ("the Customer's own admins", "District administrators", "EL CLIENTE's physicians and administrative staff")
    own = re.compile(
        rf"(?:\b(?:your|its)\s+|{customer}(?:'s|’s)?\s+)(?:[\w-]+\s+)?(?:(?:and|or)\s+(?:[\w-]+\s+)?)?$", re.I
    )
    return users, own


@lru_cache(maxsize=64)
def _customer_reads(customer: str) -> re.Pattern[str]:
    """'... an activity log which the Hotel's administrator may view and export', 'the Client can download
    the log': the customer (or its own admins) reading a log of its tenant, for a family's customer pattern."""
    return re.compile(
        rf"(?:\b(?:you|your)|{customer})(?:'s|’s)?\b[^.;]{{0,120}}?\b(?:may|can|is\s+able\s+to|are\s+able\s+to)\s+"
        rf"(?:\w+\s+){{0,3}}?(?:view|download|export|access|review|see|consult)\b|"
        # "The audit trail is available to the Buyer's Professional Standards Department"
        # ("an audit log visible to Customer")
        rf"\b(?:(?:is|are)\s+(?:made\s+)?available|visible|accessible)\s+to\s+(?:the\s+)?(?:\b(?:you|your)\b|{customer})|"
        # ("recorded in an audit log that the Network's Medical Records Officer reviews weekly")
        rf"\b(?:that|which)\s+(?:the\s+)?(?:{customer})(?:'s|’s)?\s+(?:[\w-]+\s+){{0,4}}?(?:reviews?|consults?|checks?|"
        r"inspects?|monitors?)\b",
        re.I,
    )


@lru_cache(maxsize=64)
def _vendors_staff(vendor: str) -> re.Pattern[str]:
    """'KubeHarbor personnel', 'the Supplier's engineers': staff named as the vendor's, for a family's vendor."""
    return re.compile(rf"{vendor}(?:'s|’s)?\s+(?:[\w-]+\s+)?{VENDOR_STAFF.pattern}", re.I)


def _names_vendor_staff(text: str, roles: Roles) -> bool:
    """The text names staff other than the customer's own ('its admins', 'District administrators')."""
    users, own = _customer_side(roles.customer.pattern)
    # ("Admins can review the account activity log, which shows sign-ins and record edits by your users": the
    # admins of the customer's users are the customer's own)
    theirs = bool(users.search(text))
    return any(
        not own.search(text[max(0, m.start() - 70) : m.start()])
        and not (theirs and re.match(r"admin", m.group(0), re.I))
        for m in VENDOR_STAFF.finditer(text)
    )


def _customer_reads_log(hit: Hit, roles: Roles) -> bool:
    """A log the customer reads for itself is a product feature of its own tenant, unless the sentence or
    the one before names the vendor's staff ('KubeHarbor personnel access ... only through ... All
    privileged sessions are recorded ... in an audit log that Customer can view' logs the vendor)."""
    text = hit.sentence.text
    if not _customer_reads(roles.customer.pattern).search(text) or _names_vendor_staff(text, roles):
        return False
    prior = sentence_before(hit.sentence)
    return not (prior and _vendors_staff(roles.vendor.pattern).search(prior.text))


def _users_only(hit: Hit, roles: Roles) -> bool:
    """The log records the customer's users (and no vendor staff, other than the customer's own admins)."""
    text = hit.sentence.text
    users, _ = _customer_side(roles.customer.pattern)
    return bool(users.search(text) or _DEFINED_USERS.search(text)) and not _names_vendor_staff(text, roles)


# "**Roles and Activity Log.** District administrators may ...": a run-in label names the topic, it commits to
# nothing


def _in_run_in_label(hit: Hit) -> bool:
    """The logging words are only in the label ("**Logging.** All access is logged" has them in the text too)."""
    m = RUN_IN_LABEL.match(hit.sentence.text)
    return m is not None and hit.start < m.end() and not LOGGING.search(hit.sentence.text, m.end())


# "Setting up these roles and checking the activity log is your job, not ours": a control the customer owes
CUSTOMER_JOB = rx(
    r"\b(?:is|are)\s+(?:solely\s+)?(?:your|the\s+customer(?:'s|’s))\s+(?:job|responsibility|duty)\b|\bnot\s+ours\b"
)


# "We will access Customer Documents only to provide FleetCloud and support", "must not access the content ...
# except as necessary to provide support": why the vendor may look at the data (purpose limitation), not who
# among its staff may, or how that is controlled
PURPOSE_ONLY = rx(
    r"\baccess\w*\s+(?:[\w'’-]+\s+){0,5}?(?:only|solely|exclusively)\s+(?:to|for|as\s+(?:necessary|required|needed))\s+"
    r"(?:(?:the\s+)?purposes?\s+of\s+|to\s+)?(?:provid|perform|support|deliver|operat)|"
    r"\baccess\w*\s+(?:[\w'’-]+\s+){0,5}?except\s+(?:as|where|to\s+the\s+extent)\s+(?:\w+\s+){0,2}?(?:necessary|required|needed)\s+"
    r"(?:to|for)\s+(?:provid|perform|support|deliver|operat)"
)
PERSONNEL_CONTROL = rx(
    r"\b(?:personnel|staff|employees|engineers|individuals|persons)\b|least[\s-]+privilege|need[- ]to[- ]know|role|"
    r"authori[sz]ed\s+(?:personnel|staff|employees)|multi-?factor|\bMFA\b|approv"
)
# "shall not permit access to it from outside Canada": where the data may be reached from (residency), not
# who among the vendor's staff may reach it
FROM_ABROAD = rx(
    r"\baccess\w*\s+(?:to\s+(?:it|them|[\w\s]{1,40}?)\s+)?from\s+outside\s+(?:of\s+)?(?:the\s+)?(?-i:[A-Z])\w+"
)


# "Faults reported automatically ... are logged without you having to call": a ticket, not an access record
TICKET_LOGGED = rx(
    r"\b(?:faults?|tickets?|calls?|requests?|issues?|incidents?|defects?|cases?)\b[^.;]{0,80}?\b(?:is|are|will\s+be|"
    r"shall\s+be|be|being)\s+(?:automatically\s+)?logged\b"
)
# '"Member" means an individual ... added to Customer's organisation', '"Administrator" means a Member designated by
# Customer': the family's own names for the customer's people
_OF_CUSTOMER = (
    r"\b(?:designated|appointed|authori[sz]ed|added|invited|nominated)\s+by\s+(?:the\s+)?{c}|{c}(?:'s|’s)\s+"
    r"(?:[\w-]+\s+)?(?:organi[sz]ation|account|employees|personnel|staff|users|workforce)|"
    r"\b(?:employee|individual|person)s?\s+(?:of|at)\s+(?:the\s+)?{c}"
)


def _customer_people(ctx: ReviewContext) -> re.Pattern[str] | None:
    """The family's defined terms for the customer's people ('Member', 'Administrator'), or None."""
    customer = family_roles(ctx.documents).customer.pattern
    terms = defined_terms(ctx.documents, re.compile(_OF_CUSTOMER.format(c=customer), re.I), reach=120)
    if not terms:
        return None
    names = "|".join(re.escape(t) + "s?" for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"\b(?:{names})\b")


def _customer_admin_may(hit: Hit, people: re.Pattern[str] | None) -> bool:
    """'Administrators may require single sign-on for all Members': the customer's people configure its tenant."""
    if people is None:
        return False
    m = people.match(hit.sentence.text.lstrip("*_ "))
    return m is not None and bool(re.match(r"\s+(?:may|can)\b", hit.sentence.text.lstrip("*_ ")[m.end() :]))


def _logs_people(hit: Hit, people: re.Pattern[str] | None, roles: Roles) -> bool:
    """'The organisation Audit Log records Member activity': a log of the customer's people, no vendor staff."""
    if people is None:
        return False
    text = hit.sentence.text
    return bool(people.search(text)) and not _names_vendor_staff(people.sub(" ", text), roles)


# "the audit trail described in clause 7.3 of the Terms": a pointer to a clause the family holds, read there
_LOG_ELSEWHERE = rx(
    r"\b(?:audit\s+trails?|logs?)\s+(?:described|referred\s+to|set\s+out|mentioned|kept)\s+(?:in|under)\s+"
    r"(?P<target>(?:clause|section|paragraph|§)\s*\d[\w.()]*(?:\s+of\s+(?:the\s+)?[\w\s]{1,40})?)"
)


def _log_described_elsewhere(hit: Hit, ctx: ReviewContext) -> bool:
    m = _LOG_ELSEWHERE.search(hit.sentence.text)
    return m is not None and not target_missing(m.group("target"), ctx.documents, source=hit.sentence.doc)


# "connects them to the building management systems (HVAC, lighting, access control, metering)": a door system the
# product integrates with, no restriction of access to the data
BUILDING_SYSTEMS = rx(
    r"\b(?:HVAC|lighting|CCTV|fire\s+(?:alarms?|detection)|intercoms?|elevators?|lifts|building\s+management|"
    r"turnstiles?|metering)\b"
)


def _building_system(hit: Hit) -> bool:
    """The access words name a building's access-control system among its other systems."""
    text = hit.sentence.text
    return bool(
        re.match(r"access\s+control", text[hit.start : hit.end], re.I)
        and BUILDING_SYSTEMS.search(text[max(0, hit.start - 60) : hit.end + 60])
    )


def _bare_heading(text: str) -> bool:
    """'C.4 Logging and Monitoring.': a heading names the topic, it commits to nothing."""
    return len(text.split()) <= 6 and not re.search(
        r"\b(?:shall|will|must|may|is|are|be|has|have)\b", text, re.I
    )


# "Any employee of the Vendor who performs work on the premises of the Assessor shall have passed a criminal background
# check": a rule for people on the customer's site, not a restriction of access to its data
ON_PREMISES = rx(
    r"\b(?:on|at|onto|enter\w*|visit\w*)\s+(?:the\s+|its\s+|their\s+|any\s+)?(?:[\w'’-]+\s+){0,2}?(?:premises|sites?|"
    r"facilities|offices?|plants?|stations?)\b"
)
DATA_ACCESS = rx(
    r"\baccess\w*\s+(?:to\s+)?(?:the\s+|any\s+|all\s+)?(?:[\w'’-]+\s+){0,2}?(?:data|systems?|information|records|networks?|"
    r"platform|service|environment|accounts?)\b"
)


def _site_rule(hit: Hit) -> bool:
    """A personnel check for work on a site, with nothing about access to data or systems."""
    text = hit.sentence.text
    return bool(ON_PREMISES.search(text)) and not DATA_ACCESS.search(text) and not LOGGING.search(text)


@register("access_logging")
def access_logging(req: Requirement, ctx: ReviewContext) -> Finding:
    """Access restrictions AND logging/monitoring of access; weak with only one of the two."""
    roles = family_roles(ctx.documents)
    access_all = [
        h
        for h in scan(ctx, "access", ACCESS)
        if not _confidentiality_only(h)
        and not _maybe_feature(h)
        and not _customer_operates(h, roles)
        and not LICENCE_CHECK.search(h.sentence.text)
        and not FROM_ABROAD.search(h.sentence.text)
        and not (PURPOSE_ONLY.search(h.sentence.text) and not PERSONNEL_CONTROL.search(h.sentence.text))
        and not _building_system(h)
        and not _bare_heading(h.sentence.text)
        and not _site_rule(h)
    ]
    people = _customer_people(ctx)
    access_all = [h for h in access_all if not _customer_admin_may(h, people)]
    logging_all = [
        h
        for h in scan(ctx, "logging", LOGGING)
        if not _in_run_in_label(h)
        and not TICKET_LOGGED.search(h.sentence.text)
        and not _logs_people(h, people, roles)
        and not _log_described_elsewhere(h, ctx)
        and not CUSTOMER_JOB.search(h.sentence.text)
        and not _maybe_feature(h)
        and not _users_only(h, roles)
        and not _customer_reads_log(h, roles)
        and not _customer_operates(h, roles)
        and not LOG_AS_CONTENT.search(h.sentence.text)
        and not _bare_heading(h.sentence.text)
    ]
    access, logging = ok(access_all), ok(logging_all)
    # "Contractor shall implement the access management and audit logging controls set out in Exhibit D": every
    # clause only names controls whose terms are in an attachment that was not provided
    found = access + logging
    if found and all(dangling_reference(ctx, req, [h.sentence]) is not None for h in found):
        unclear = unclear_reference(ctx, req, found)
        if unclear is not None:
            return to_finding(req, unclear)
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


# --- incident notification ----------------------------------------------------------------------
INCIDENT = rx(
    r"security\s+(?:incident|breach)|(?:personal\s+)?data\s+breach|"
    # "breach of data security", "a breach of network security", "Personal Information Breach" (PIPA, PIPEDA)
    r"breach\s+of\s+(?:(?:physical|data|information|network|system|cyber)\s+)?(?:security|personal\s+data)|"
    # US state breach statutes: "breach of the security of the system"
    r"breach\s+of\s+the\s+security\s+of\s+(?:the\s+)?(?:system|data)|"
    r"\b(?:personal\s+)?information\s+(?:security\s+)?breach(?:es)?\b|"
    # HIPAA: "Breach of Unsecured PHI"; other sector vocabularies name the data the same way
    r"breach\s+of\s+(?:unsecured\s+)?(?:PHI|protected\s+health\s+information|personal\s+information|personal\s+health\s+information)|"
    r"unauthori[sz]ed\s+(?:\w+\s+){0,4}?(?:access|disclosure|acquisition|use|processing|entry)|"
    # the passive form: "data has been accessed or disclosed without authorisation"
    r"\b(?:accessed|disclosed|acquired|used|obtained|altered)\s+(?:or\s+\w+\s+)?(?:by\s+\w+\s+)?without\s+"
    r"(?:\w+\s+)?(?:authori[sz]ation|authority|permission|consent)|"
    # POPIA s22 / state breach laws: "accessed or acquired by an unauthorised person"
    r"\b(?:accessed|disclosed|acquired|used|obtained|altered)\s+(?:or\s+\w+\s+)?by\s+(?:an?\s+|any\s+)?"
    r"unauthori[sz]ed\s+(?:persons?|part(?:y|ies)|third\s+part(?:y|ies)|individuals?|users?|entit(?:y|ies))|"
    # GDPR's own wording in translation, and "compromise" as a defined incident term
    r"\bbreach\s+of\s+the\s+(?:protection|security|confidentiality)\s+of\s+(?:[\w-]+\s+){0,2}?data|"
    r"\b(?:security|data|system|account)\s+compromises?\b|\bcompromise\s+of\s+(?:\w+\s+)?(?:data|systems?|security)|"
    r"\b(?:security|privacy|cyber|data)\s+incidents?\b|\bprivacy\s+breach(?:es)?\b|"
    # regulatory vocabularies: NYDFS "Cybersecurity Event", Indonesia's PDP Law "failure of personal data
    # protection", Vietnam's Decree 13 "violation of regulations on personal data protection"
    r"\bcyber(?:security)?\s+(?:events?|attacks?)\b|"
    r"\bfailures?\s+(?:of|in)\s+(?:the\s+)?(?:personal\s+)?data\s+protection\b|"
    r"\b(?:violations?|infringements?|breach(?:es)?)\s+of\s+(?:the\s+)?(?:(?:regulations?|rules?|laws?|legislation)\s+"
    r"(?:on|of)\s+)?(?:personal\s+)?data\s+protection\b|"
    # Romance-language drafting in translation puts the qualifier after: "incidente de seguridad" -> "incident
    # of security", "violazione della sicurezza" -> "violation of the security"
    r"\b(?:incidents?|violations?)\s+of\s+(?:the\s+)?(?:(?:information|data|cyber|IT|computer)\s+)?security\b|"
    # Japanese (APPI) and Chinese (PIPL) drafting in translation: "leakage, loss or damage of Personal Information"
    r"\bleak(?:age|s|ed)?\b(?:,?\s+(?:or\s+)?\w+){0,4}\s+of\s+(?:\w+\s+){0,3}(?:data|information)\b|"
    # plain English: "if someone gets into your data who shouldn't have", "breaks into our systems"
    r"\b(?:gets?|got|break(?:s|ing)?|broke)\s+into\s+(?:your|our|its|the)\s+(?:\w+\s+)?(?:data|systems?|accounts?|network)\b|(?:breach|incident)\w*\s+(?:involving|affecting|compromising)\s+"
    r"(?:\w+\s+){0,2}(?:data|personal|information|systems?)|\bincidents?\s+(?:involving|affecting)\s+(?:\w+\s+)?(?:data|personal)"
)
NOTIFY = rx(
    # ("information" informs nobody; an incident "reported to its Service Desk" is reported to the vendor)
    r"(?:\bnotif\w*|\binform(?!ation)\w*|\bnotice|\breport\w*(?<!reported)|\breported(?!\s+to\s+(?:its|our)\b)|\balert\w*|\badvis(?:e|es|ed|ing)|\btell|\btold|"
    r"\blet\s+(?:\w+\s+){1,2}know|\bcontact|\bcommunicat(?:e|es|ed|ing)\b|\be-?mail(?:s|ed)?\s+(?:you|the\s+\w+))\b(?!\s+(?:laws?|requirements|statutes|regulations|obligations))"
)
VAGUE = rx(
    r"without\s+(?:undue|unreasonable|culpable)\s+delay|promptly|as\s+soon\s+as\s+(?:reasonably\s+)?(?:practicable|possible)|expeditiously|"
    r"in\s+a\s+timely\s+manner|timely"
)
IMMEDIATE = rx(r"\bimmediately\b")
WITHIN = rx(
    r"within|no\s+later\s+than|not\s+later\s+than|in\s+any\s+event|not\s+exceed|of\s+becoming|after|of\s+discover"
)


BARE_BREACH = rx(
    r"\b(?:any|a|each|such)\s+(?:actual\s+or\s+suspected\s+)?(?:breach(?:es)?|incidents?)\b(?!\s+(?:of|by|under)\b)"
)
SECURITY_TOPIC = rx(
    r"\bsecurity\b|data\s+protection|\bprivacy\b|personal\s+(?:data|information)|\b(?:\w+\s+)?data\b|encrypt|"
    r"confidential\w*\s+(?:of|and\s+integrity)"
)


def _bare_breach_hits(ctx: ReviewContext) -> list[Hit]:
    """Notices of 'any breach' or 'any incident' that say no more, in a clause about security or data
    protection (its heading or the neighbouring sentences): 'Licensee shall be notified of any breach
    within 48 hours' under 'Data Protection and Security'."""
    out = []
    for hit in scan(ctx, "notify", NOTIFY, within=BARE_BREACH):
        clause = hit.sentence.clause
        around = " ".join(s.text for s in context(hit, 1) if s is not hit.sentence)
        if SECURITY_TOPIC.search(f"{clause.heading if clause else ''} {around}"):
            out.append(hit)
    return out


# Who else an incident may be reported to: a notice to a regulator or a national response team is a
# statutory duty, not the customer's notice (the customer's own clock is elsewhere or absent).
AUTHORITY = rx(
    r"\b(?:regulators?|regulatory\s+(?:authorit(?:y|ies)|bod(?:y|ies))|supervisory\s+authorit(?:y|ies)|"
    r"(?:data\s+protection|privacy|information|competent|government(?:al)?|public)\s+(?:(?:state|national|federal|"
    r"provincial|regional)\s+)?(?:authorit(?:y|ies)|"
    # (not "the data protection officer of the Customer", who is the customer's)
    r"commissioner|commission|regulator|office(?!r)|agency|board|inspectorate)|commissioner|emergency\s+response\s+team|\bC(?:ERT|SIRT)\b|"
    r"law\s+enforcement|police|sheriff|(?:department|ministry)\s+of\s+(?:the\s+)?(?-i:[A-Z])\w+|"
    # national cyber centres: "the National Cyber Security Centre", "the Cybersecurity Operations Center"
    r"cyber\s*-?\s*security\s+(?:\w+\s+)?cent(?:er|re))"
)
# coordinated duties in one sentence: "shall report incidents to the regulator within 72 hours, and shall
# promptly notify the Customer of any such report"
# a purpose clause: "notify the Customer without undue delay, so that the Customer can notify the authority
# within 72 hours"
_COORDINATED = re.compile(
    r";|,?\s+and\s+(?=(?:\w+ly\s+)?(?:shall|will|must)\b)|,?\s+(?=(?:so\s+that|so\s+as\s+to|in\s+order\s+(?:that|to)|to\s+enable)\b)",
    re.I,
)


# the recipient of a notice: after "to", or the object of a verb of notifying ("notifying the Information
# Commissioner")
_RECIPIENT_BEFORE = rx(
    r"(?:\bto|\bnotif(?:y|ies|ying)|\binform(?:s|ing)?|\balert(?:s|ing)?|\badvis(?:e|es|ing))\s+(?:the\s+)?(?:\w+\s+){0,4}$"
)


def _authority_segments(hit: Hit) -> list[tuple[int, int]]:
    """Spans of the hit's sentence whose notice goes to an authority and names no customer: their
    deadlines are the regulator's clock, not the customer's."""
    text = hit.sentence.text
    customer = family_roles([hit.sentence.doc]).customer
    cuts = [0, *(m.end() for m in _COORDINATED.finditer(text)), len(text)]
    out = []
    own_report = re.compile(
        # "... the information that the First Party needs to report the breach to the Centre within 72 hours"
        rf"(?:{customer.pattern})\s+(?:\w+\s+){{0,2}}?(?:needs?|requires?|is\s+required|must|has|have|is\s+obliged)\s+to\s+"
        r"(?:report|notify|inform)\b|"
        # "The Bank's own incident reporting procedure requires the Bank to report material cyber incidents to the
        # Bank of Botswana within seventy-two (72) hours"
        rf"\b(?:requires?|obliges?|compels?)\s+(?:the\s+)?(?:{customer.pattern})\s+to\s+(?:report|notify|inform)\b",
        re.I,
    )
    for start, end in zip(cuts, cuts[1:], strict=False):
        part = text[start:end]
        own = own_report.search(part)
        if own:
            out.append((start + own.start(), end))  # deadlines after it are the customer's own
            continue
        m = AUTHORITY.search(part)
        if (
            m
            and _RECIPIENT_BEFORE.search(part[: m.start()])
            and not re.search(
                rf"\b(?:to|notify|notifies|inform|informs)\s+(?:the\s+)?(?:{customer.pattern})", part, re.I
            )
        ):  # the customer named as the one who notifies ("so that the Customer can notify ...") is no recipient
            out.append((start, end))
    return out


def _customer_hours(timed: list[Hit]) -> tuple[int | None, Hit | None, str]:
    """The notice deadline in hours, leaving out deadlines owed only to an authority."""
    values: list[tuple[int, Hit]] = []
    for hit in timed:
        skip = _authority_segments(hit)
        values += [
            (d.hours(), hit) for d in durations_in(hit, WITHIN) if not any(a <= d.start < b for a, b in skip)
        ]
    return pick_value(values, "min")


def _to_authority_only(hit: Hit) -> bool:
    """'Supplier shall report incidents to the national Computer Emergency Response Team within six
    hours': the recipient after the notice verb is an authority, and no customer is named with it
    ('to the supervisory authority and to the Customer' still notifies the customer)."""
    after = hit.sentence.text[hit.end : hit.end + 120]
    m = AUTHORITY.search(after[:90])
    # the authority is the recipient: after "to", or the object of the notice verb itself
    if m is None or not _RECIPIENT_BEFORE.search(hit.sentence.text[hit.start : hit.end + m.start()]):
        return False
    # "... to the regulator within 72 hours, and shall promptly inform the Customer": the customer named
    # anywhere later in the sentence is notified too (its deadline is read by `_customer_hours`)
    # (the authority itself is no customer, even where the customer is called an "Authority" elsewhere)
    rest = hit.sentence.text[hit.end :]
    rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
    return family_roles([hit.sentence.doc]).customer.search(rest) is None


# "If the law requires that affected individuals be notified of a breach": the people whose data it is are
# notified (a statutory notice), not the customer
_PEOPLE_NOTIFIED = rx(
    r"\b(?:affected\s+|impacted\s+)?(?:individuals|data\s+subjects|consumers|persons|people|patients|drivers|"
    r"employees|residents|members|cardholders|account\s+holders)\s+(?:\w+\s+){0,2}?(?:be|are|is|being)\s+$"
)


def _customer_bears(hit: Hit, roles: Roles) -> bool:
    """'The notification of personal data breaches to the CNPD within 72 hours ... is the responsibility of the
    Contracting Entity as controller': the duty is the customer's own."""
    # (and "Customer is responsible for giving any notice to Producers required by Wis. Stat. section 134.98, which
    # requires notice within ... forty-five (45) days")
    return bool(
        re.search(
            r"\b(?:is|are|remains?|shall\s+(?:be|remain))\s+(?:the\s+)?(?:sole\s+|exclusive\s+)?(?:responsibility|duty|"
            rf"obligation)\s+of\s+(?:the\s+)?(?:{roles.customer.pattern})|"
            # ("Any notification of a Data Breach to the Information Commissioner ... is a matter for the Customer")
            r"\b(?:is|are|remains?|shall\s+(?:be|remain))\s+(?:solely\s+)?(?:a\s+matter\s+for|for|the\s+business\s+of)\s+(?:the\s+)?"
            rf"(?:{roles.customer.pattern})\b|\brests?\s+(?:solely\s+)?with\s+(?:the\s+)?(?:{roles.customer.pattern})\b|"
            rf"(?:{roles.customer.pattern})\s+(?:is|shall\s+be|will\s+be|remains?)\s+(?:solely\s+)?responsible\s+for\s+"
            r"(?:giving|making|sending|providing|issuing)?\s*(?:any\s+|all\s+)?(?:notices?|notif\w*)\b|"
            # "assist the data controller in ensuring compliance with the data controller's obligation to notify a
            # personal data breach to the competent supervisory authority"
            rf"(?:{roles.customer.pattern})(?:'s|’s)\s+(?:own\s+)?(?:obligations?|duty|duties)\s+to\s+notify\b",
            hit.sentence.text,
            re.I,
        )
    )


def _people_notified(hit: Hit) -> bool:
    return bool(_PEOPLE_NOTIFIED.search(hit.sentence.text[max(0, hit.start - 60) : hit.start]))


def _follow_ups(hits: list[Hit], roles: Roles) -> list[Hit]:
    """Next sentences that time the same notice ('Such notification shall be made within 36 hours'), not a
    notice the customer gives ('The Cooperative shall inform the Provider within 24 hours of the loss of a
    tablet')."""
    out = []
    for hit in hits:
        for sent in context(hit, 1):
            m = NOTIFY.search(sent.text)
            if sent.start > hit.sentence.start and m is not None and find_durations(sent.text):
                if (
                    not is_negated(sent.text, m.start())
                    and actor(sent.text, m.start(), m.end(), roles) != "customer"
                ):
                    out.append(Hit(sent, "notify", 0, 0, hit.role, "ok"))
    return out


def _conflicting_hours(timed: list[Hit]) -> Outcome | None:
    """`unclear` when one document gives two different notice deadlines in separate clauses
    ('within 24 hours' in §9, 'within 72 hours' in §14); across documents the more specific one wins."""
    first: dict[tuple[str, int], tuple[int, Hit]] = {}
    for hit in timed:
        if not re.match(r"notif|inform|notice", hit.sentence.text[hit.start : hit.end], re.I):
            continue
        found = durations_in(hit, WITHIN)
        if found and hit.sentence.clause is not None:
            first.setdefault(
                (hit.sentence.doc.id, hit.sentence.clause.index), (min(d.hours() for d in found), hit)
            )
    by_doc: dict[str, dict[int, Hit]] = {}
    for (doc_id, _), (value, hit) in first.items():
        by_doc.setdefault(doc_id, {}).setdefault(value, hit)
    for values in by_doc.values():
        if len(values) > 1:
            hits = [values[v] for v in sorted(values)]
            said = " and ".join(
                f"{v} hours ({h.sentence.where})" for v, h in zip(sorted(values), hits, strict=True)
            )
            return Outcome(
                Status.unclear, f"The notice deadline is contradictory: {said}.", hits[:2], confidence=0.5
            )
    return None


# "Each party is responsible for its own compliance with the Oklahoma Security Breach Notification Act": the notice
# word names a statute, it owes nobody a notice
STATUTE_NAME = re.compile(r"(?-i:Notif\w*|Notice)\s+(?:Act|Law|Statute|Regulations?|Rules?|Code)\b")


@register("incident_notification")
def incident_notification(req: Requirement, ctx: ReviewContext) -> Finding:
    """The vendor notifies the customer of security incidents within a stated time (<= 72 hours)."""
    # the family's own names for an incident: '"Relevant Incident" means ... and any Security Incident'
    incident = with_terms(INCIDENT, defined_terms(ctx.documents, INCIDENT, reach=240))
    hits = scan(ctx, "notify", NOTIFY, within=incident)
    roles = family_roles(ctx.documents)
    to_vendor(hits, roles)
    hits = add_new_sentences(hits, _bare_breach_hits(ctx))
    granted = [
        h
        for h in ok(hits)
        if not _to_authority_only(h)
        and not _people_notified(h)
        and not _customer_bears(h, roles)
        and not STATUTE_NAME.match(h.sentence.text, h.start)
    ]
    timed = [
        h
        for h in granted
        if any(d.unit in {"hours", "days", "weeks"} for d in find_durations(h.sentence.text))
    ]
    if not timed:
        # (a next sentence that is the customer's own duty, or only to an authority, times nothing of the vendor's)
        timed = [
            h
            for h in _follow_ups(granted, roles)
            if not _customer_bears(h, roles) and not _to_authority_only(h)
        ]
    conflict = _conflicting_hours(timed)
    if conflict is not None:
        return to_finding(req, conflict)
    hours, best, note = _customer_hours(timed)
    if hours is None and granted:
        # "will notify Client of any Security Incident within the time period set out in the Security Exhibit"
        unclear = unclear_reference(ctx, req, granted)
        if unclear is not None:
            return to_finding(req, unclear)
    weak: list[str] = []
    evidence = [best] if best is not None else granted[:2]
    immediate = [h for h in granted if IMMEDIATE.search(h.sentence.text)]
    if hours is None and granted:
        # the policy asks for a stated time: "immediately" is as open as "promptly" (no hours or days)
        vague = [h for h in granted if VAGUE.search(h.sentence.text)]
        said = " ('immediately')" if immediate else " ('without undue delay'/'promptly')" if vague else ""
        weak.append(f"no time limit in hours or days{said}")
        evidence = immediate[:1] or evidence
    where = evidence[0].sentence.where if evidence else ""
    when = (
        f"within {hours} hours"
        if hours is not None
        else "immediately"
        if immediate
        else "with no stated time"
    )
    out = decide(
        req,
        evidence,
        present_reason=f"The vendor must notify the customer of security incidents {when} ({where}).{note}",
        weak=weak,
        params={"hours": hours},
        rejected=[h for h in hits if not h.ok],
        ctx=ctx,
        missing_reason="No clause obliges the vendor to notify the customer of security incidents.",
    )
    return to_finding(req, out)
