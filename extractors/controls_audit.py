"""Rule extractors for oversight of the vendor: the customer's audit rights and subprocessor disclosure
(list, advance notice of new ones, right to object)."""

from __future__ import annotations

import re

from assistant.models import Finding, Status
from assistant.playbook import Requirement
from extractors.base import ReviewContext, register
from extractors.parties import actor, family_roles
from extractors.rules import (
    CUST,
    NOTICE,
    VEND,
    Hit,
    Outcome,
    decide,
    disapplied,
    duration_param,
    notice_param,
    ok,
    rejudge_from,
    rx,
    scan,
    to_finding,
    unclear_reference,
    weak_signals,
)
from extractors.spans import (
    ATTACHMENT_KINDS,
    REFERENCE_RE,
    RUN_IN_LABEL,
    XREF_RE,
    defined_terms,
    family_sentences,
    names_document,
    neighbours,
    notice_durations,
    reference_target,
    sentence_before,
    target_missing,
    told_after_the_event,
    with_terms,
)
from extractors.text import find_durations, parse_number

# --- audit rights -----------------------------------------------------------------------------
AUDIT = rx(
    # ("examination" only of something: an examinations office's "examination regulations" audit nothing)
    r"\b(?:audit(?:s|ed|ing)?|inspect(?:s|ed|ing|ions?)?|examine|examination(?=\s+of\b))\b"
    # "audit events", "audit log entries": a product's record of activity, not an audit
    r"(?!\s+(?:reports?|summar\w*|opinions?|letters?|certificat\w*|trails?|logs?|committee|events?|entries|histor(?:y|ies)|"
    r"functionality|features?|fields?|photos?|photographs?|images?|checklists?|forms?|apps?|module))|"
    # translated drafting: "the right to perform control of the Provider's business premises" ("kontrola")
    r"\b(?:perform|carry\s+out|conduct)\w*\s+(?:an?\s+)?(?:\w+\s+)?controls?\s+(?:of|over|at)\b|"
    # "the right to carry out a check of the Contractor's compliance with the requirements" ("proverka")
    r"\b(?:perform|carry\s+out|conduct)\w*\s+(?:an?\s+)?(?:\w+\s+)?checks?\s+of\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?(?:'s|’s)\s+"
    r"(?:compliance|systems?|premises|facilities|records|security|operations|performance)\b|"
    # "the right to verify the performance ... by checking the documents, records, premises and technical means"
    # (the records of a named party, not "checking your books")
    r"\b(?:check(?:s|ing)?|verif(?:y|ies|ying))\s+(?:the\s+)?(?:[\w-]+,?\s+){0,3}?(?:books|records|premises|facilities)\b"
    r"(?=[^.;]{0,60}?\bof\s+(?:the\s+)?(?-i:[A-Z]))|"
    # "conduct an on-site review of Kingfisher's controls": a visit to the vendor to check it is an inspection
    r"\bon-?site\s+(?:reviews?|assessments?|visits?|evaluations?|verifications?)\b|"
    # a review carried out on the vendor's premises is an inspection, whatever it is called
    r"\breview(?:ing)?\b(?=[^.;]{0,120}\b(?:at|on)\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+|its\s+|their\s+|our\s+)"
    r"(?:[\w-]+\s+)?(?:premises|offices|facilities|sites?|data\s+cent(?:er|re)s?)\b)|"
    # "carry out or commission a review of the controls of EL PROVEEDOR": a review of the vendor's controls
    r"\b(?:carry\s+out|conduct|perform|commission)\w*\s+(?:or\s+\w+\s+)?(?:an?\s+)?(?:[\w-]+\s+)?review\s+of\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:controls|compliance|records|security\s+measures)\b"
)
PERMIT = rx(
    r"\b(?:permit|allow|enable|submit\s+to|contribute\s+to|co-?operate|make\s+available|afford|grant|let\b|"
    r"(?:not|never)\s+(?:\w+ly\s+)?(?:refuse|deny|withhold|obstruct|prevent)|"
    r"(?:give|provide|grant|afford)\w*\s+(?:[\w,'’]+\s+){0,10}?access\b)"
)
REPORT = rx(
    r"\bSOC\s*(?:1|2|I{1,2})\b|\bSSAE\s*1[68]|\bISAE\s*3(?:402|000)|\bassurance\s+reports?|third[- ]party\s+(?:audit\s+)?(?:reports?|"
    r"certifications?|attestations?)|audit\s+reports?|"
    # "a summary of the findings of its most recent ISO/IEC 27001 surveillance audit"
    r"\b(?:summar(?:y|ies)|results|findings|outcomes?)\s+of\s+(?:[\w/:-]+\s+){0,10}?audits?\b|"
    # other assurance the vendor hands over instead of an audit: test summaries, certificates, questionnaires
    r"\bpen(?:etration)?[- ]?test(?:s|ing|ers?)?\b|"
    r"\bISO(?:/IEC)?\s*2700[12](?::\d{4})?\s+certificat\w*|\bcertificat\w*\s+(?:of\s+\w+\s+)?(?:to|under|against)\s+ISO|"
    r"\battestations?\s+of\s+compliance|\b(?:copy|copies)\s+of\s+(?:the|its|our)\s+(?:latest\s+|most\s+recent\s+)?report\b"
)
# A questionnaire alone is no assurance, unless the contract makes it stand in for the audit right:
# "completing the questionnaire satisfies any right Customer may have to verify our practices".
SUBSTITUTE = rx(
    r"\bsatisf(?:y|ies|ied)\s+(?:\w+\s+){0,3}?(?:rights?|obligations?|requirements?)\b[^.;]{0,60}\b(?:audit|verif|inspect)\w*|"
    r"\b(?:in\s+(?:place|lieu)\s+of|instead\s+of)\s+(?:[\w-]+\s+){0,4}?(?:audit|verif|inspect)\w*|"
    # "The documents specified in paragraph (1) shall be deemed sufficient confirmation of the Contractor's compliance"
    r"\b(?:deemed|considered|regarded\s+as)\s+(?:to\s+be\s+)?(?:a\s+)?sufficient\s+(?:confirmation|evidence|proof|demonstration|"
    r"verification)\b|"
    # "The Customer's supervision of the Supplier's processing is carried out by means of an annual assurance report"
    r"\b(?:supervision|oversight|audit|verification|monitoring)\b[^.;]{0,100}?\b(?:is|are|shall\s+be|will\s+be)\s+"
    r"(?:carried\s+out|performed|exercised|conducted)\s+(?:by\s+means\s+of|through)\b"
)
# "This report is provided in place of any audit": a pointer to the report named in the sentence before
SUBSTITUTE_FOR = rx(
    # ("The Provider agrees that these documents are provided in place of any right to audit")
    REPORT.pattern + r"|\bquestionnaires?\b|\b(?:this|these|such|that|those|the\s+said)\s+(?:\w+\s+)?"
    r"(?:reports?|documents|certificates?|summar(?:y|ies))\b|"
    # "The documents described in clause 11.1 are provided in place of any right to audit"
    r"\b(?:documents|information|materials|evidence)\s+(?:described|referred\s+to|listed|set\s+out|specified|mentioned)\s+in\b"
)
# verbs only: "Service Provider" or "Supplier" is a party, not an offer of a report
PROVIDE = rx(
    r"\b(?:provid(?:e|es|ed|ing)|furnish\w*|ma(?:ke|kes|de)\s+(?:[\w/-]+\s+){0,12}?available|deliver(?:s|ed|ing)?|"
    # (not the adjective: "Because Berthwise is a shared platform")
    r"shar(?:e|es|ing)|shared(?!\s+(?:platform|service|infrastructure|environment|system|hosting|cloud|tenancy))|"
    r"suppl(?:y|ies|ied|ying)|send(?:s|ing)?|sent|(?:is|are)\s+(?:made\s+)?available)\b"
)
# the customer's side of the same offer: "Customer may satisfy itself by reviewing the ISO certificate",
# "you may rely on our attestation"
RELY = rx(
    r"\b(?:review(?:s|ing)?|rel(?:y|ies|ying)\s+on|satisf(?:y|ies)\s+(?:itself|themselves|yourself))\b|"
    # "The Customer may once per calendar year request from the Contractor a copy of its ISO/IEC 27001 certificate"
    r"\brequest\w*\s+(?:from\s+(?:the\s+)?[\w-]+\s+)?(?:a\s+|the\s+)?(?:copy|copies|summar(?:y|ies))\s+of\b"
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
    # "may have the premises of the Contractor ... inspected once during the performance of the contract"
    "the audit may happen only once in the life of the contract": rx(
        r"\bonce\s+(?:only\s+)?(?:during|in|over|for)\s+(?:the\s+)?(?:whole\s+|entire\s+|full\s+)?(?:performance|term|life|"
        r"duration)\s+of\s+(?:the|this)\s+(?:contract|agreement|market|marché)\b"
    ),
    "audits are at the customer's cost with no shift for findings": rx(
        rf"at\s+(?:the\s+)?(?:{CUST}'?s?|your)\s+(?:sole\s+|own\s+)?(?:cost|expense)(?![^.;]{{0,120}}\b(?:unless|except|if\s+the\s+audit))"
    ),
}
FREQUENCY = rx(
    r"once\s+(?:every|per|in\s+any|in\s+each|during\s+any)\s+(?:period\s+of\s+)?(?P<n>[\w-]+(?:\s*\(\d+\))?)?\s*[- ]?"
    r"(?:consecutive\s+)?(?:calendar\s+|contract\s+)?(?P<unit>years?|months?)"
)

# A regulator's access to the vendor's books is an audit right in the policy's sense: HIPAA business
# associate terms ("make its books and records available to the Secretary"), outsourcing rules of
# financial regulators ("records available to the supervisory authority for inspection").
REGULATOR = (
    r"(?:the\s+)?(?:\w+(?:'s|’s)\s+)?(?:Secretary|(?:\w+\s+)?regulators?|(?:supervisory|regulatory|competent|government(?:al)?|"
    r"public)\s+(?:authorit(?:y|ies)|bod(?:y|ies)|agenc(?:y|ies))|auditors?[- ]general|comptroller)"
)
RECORDS_TO_REGULATOR = rx(
    r"\bma(?:ke|kes|de)\s+(?:\w+\s+){0,6}?(?:books|records)\b[^.;]{0,100}?\bavailable\s+(?:\w+\s+){0,3}?to\s+"
    + REGULATOR
    + r"|\b(?:books|records)\b[^.;]{0,60}?\b(?:available|open)\s+(?:for\s+(?:inspection|audit)\s+)?(?:by|to)\s+"
    + REGULATOR
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


AUDIT_BODY = rx(r"\s+(?:function|department|team|unit|body)\b")
OWN_AUDIT = rx(
    r"(?:SOC\s*\d\s*(?:Type\s*(?:I{1,2}|[12])\s*)?|SSAE\s*\d+\s*|ISAE\s*\d+\s*|ISO[^.]{0,20}|annual\s+|independent\s+|"
    r"third[- ]party\s+|external\s+|internal\s+|surveillance\s+|certification\s+)$"
)


LICENCE_AUDIT = rx(
    rf"\b(?:{CUST}'?s?|your|its)\s+(?:use|usage|deployment|compliance\s+with\s+(?:the\s+)?licen)|exceed\w*\s+(?:its\s+|the\s+)?licen[cs]ed|"
    r"licensed\s+quantities|under-?pa(?:id|yment)"
)


def _permits_customer(before: str, ctx: ReviewContext) -> bool:
    """'Vendor shall permit Customer to audit' grants the audit; 'Licensee shall permit the Licensor to
    inspect' does not: the party let in after the permission verb must not be the vendor."""
    grants = list(PERMIT.finditer(before))
    if not grants:
        return False
    grantee = before[grants[-1].end() :][:40]
    return family_roles(ctx.documents).vendor.match(re.sub(r"^\s*(?:the\s+)?", "", grantee)) is None


# "the Customer may ... appoint an independent auditor who is not a competitor of the Provider to audit": the
# auditor audits for the party that appoints it, whichever party is named last before the verb
APPOINTS_AUDITOR = rx(
    r"\b(?:appoint|engag|designat|instruct|mandat|nominat)\w*\s+(?:an?\s+|its\s+|the\s+)?(?:[\w-]+\s+){0,3}?auditors?\b"
    r"[^.;]{0,120}$"
)


def _appoints_auditor(before: str, ctx: ReviewContext) -> bool:
    m = APPOINTS_AUDITOR.search(before)
    return m is not None and actor(before, m.start(), m.end(), family_roles(ctx.documents)) == "customer"


# "These reports are provided in lieu of any audit by Customer" ("in lieu of any right of the Customer to audit"): the
# audit named is the one replaced
REPLACED = rx(r"\b(?:in\s+(?:place|lieu)\s+of|instead\s+of|as\s+a\s+substitute\s+for)\s+(?:[\w-]+\s+){0,6}?$")


# "You must keep the terminals secure and inspect them regularly for tampering": a duty the customer owes is
# no right to audit the vendor ("shall have the right to audit" is one; "shall notify the Supplier of a
# planned audit" names the audit as a noun, the right itself stands elsewhere).
_DUTY = rx(r"\b(?:must|shall|is\s+required\s+to|is\s+responsible\s+for|undertakes?\s+to)\b")
_RIGHT = rx(
    r"\b(?:may|can|right|entitled|permit\w*|allow\w*|enabl\w*|authori[sz]\w*|grant\w*|given|let|have|access|able|option)\b"
)
_AS_NOUN = rx(r"\b(?:the|a|an|any|such|each|every|this|that|its|their|planned|proposed|annual|on-?site)\s+$")


_BY_REGULATOR = rx(
    r"\bregulat\w*|\bauthorit(?:y|ies)\b|\bagenc(?:y|ies)\b|\bsupervis\w*|\bcommission\b|\b" + REGULATOR
)


# "Administrator shall cooperate with the audit at its own cost": the vendor's duty that follows the right
_COOPERATES = rx(r"\b(?:shall|will|must)\s+(?:\w+\s+)?(?:cooperat|co-operat|assist|support)\w*")
_MAY_BEFORE = rx(
    r"\b(?:may|can|shall\s+have\s+the\s+right\s+to|(?:is|are)\s+entitled\s+to|(?:has|have)\s+the\s+right\s+to|right\s+to)\b"
    r"[^.;]{0,160}$"
)
# "In addition, the Client may audit at any time ... where required by a supervisory authority", "except following a
# breach": a further case of the right, quoted after the right itself
_FURTHER_CASE = rx(
    r"^\W*(?:in\s+addition|additionally|also|further(?:more)?)\b|\bexcept\s+(?:following|after|where|in)\b|"
    r"\bfor\s+cause\b|\badditional\s+(?:audits?|inspections?)\b"
)


def _grant_rank(hit: Hit) -> tuple[bool, bool, bool, bool]:
    """Which audit sentence to quote: a right to audit stated with its modal ('may audit and inspect'), the
    customer's own before another's."""
    text = hit.sentence.text
    # (any audit word of the sentence: the hit may be "Audit" in "the Queensland Audit Office ... may audit")
    modal = next(
        (
            m
            for a in AUDIT.finditer(text)
            if (m := _MAY_BEFORE.search(text[max(0, a.start() - 160) : a.start()]))
        ),
        None,
    )
    return (
        bool(_COOPERATES.search(text)) and modal is None,
        modal is None,
        bool(_FURTHER_CASE.search(text)),
        hit.role != "customer",
    )


def _by_regulator(hit: Hit) -> bool:
    return bool(_BY_REGULATOR.search(hit.sentence.text))


def _customer_duty(before: str, word: str) -> bool:
    """The audit verb is one the customer must perform (the last modal before it is a duty, not a right)."""
    if not re.fullmatch(r"(?:audit|inspect|examine)", word, re.I) or _AS_NOUN.search(before):
        return False
    duties = list(_DUTY.finditer(before))
    return bool(duties) and not _RIGHT.search(before[duties[-1].start() :])


# a task the customer answers for (not "responsible for the costs of any audit", which prices its right)
RESPONSIBLE_FOR = rx(
    r"\bresponsib\w+\s+for\s+(?:the\s+)?(?!(?:[\w-]+\s+){0,3}?(?:costs?|expenses?|fees?)\b)(?:[\w,-]+\s+){0,5}?$"
)
PRODUCT_ENABLES = rx(
    r"\b(?:services?|platform|software|system|solution|tools?|modules?|application)\s+(?:\w+\s+)?(?:enables?|allows?|lets|permits?)\s+"
    r"(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+to\s+$"
)
# "which the Customer's finance team can export for its own internal and statutory audits": the customer's
# audits of itself
OWN_AUDITS = rx(r"\b(?:its|their|your|our)\s+own\s+(?:[\w-]+\s+){0,3}?$")


# "If you need information for a DOT audit or a roadside inspection, we'll give you the output file": the audit
# is one the customer undergoes, and the vendor only helps with it
FOR_AN_AUDIT = rx(
    # ("the reports that Customer needs to respond to such an audit")
    r"\b(?:needs?|requires?|request\w*)\b[^.;]{0,60}?\b(?:for|in\s+connection\s+with|in\s+preparation\s+for|"
    r"(?:to\s+)?(?:respond|reply)\s+to|to\s+answer|"
    r"to\s+prepare\s+for|in\s+support\s+of|during)\s+(?:an?|any|the|its|your|their|such|that|this|those|these)\s+"
    r"(?:[\w,-]+\s+){0,10}?$|"
    # "shall generate the payroll and overtime reports required by the social compliance audits carried out at the
    # plants of LA EMPRESA by its customers ..., and by the inspections of the Labour Ministry"
    # ("the booking and revenue reports it requires for audits of the Company's tax returns ..., and for inspections")
    r"\b(?:reports?|records?|registers?|documents?|documentation|information|data|extracts?)\s+(?:[\w,-]+\s+){0,3}?"
    r"(?:required|needed|requested|demanded|(?:it|they|he|she)\s+(?:requires?|needs?))\s+(?:by|for|in)\s+[^.;]{0,180}$"
)
HELPS = rx(r"\b(?:give|provide|assist|help|support|co-?operat|generat|produc|prepar|deliver|suppl)\w*")


def _helps_with_an_audit(text: str, hit: Hit) -> bool:
    before = text[max(0, hit.start - 240) : hit.start]
    noun = re.search(
        r"\b(?:an?|the|any|your|its|their|those|these|such)\s+(?:[\w-]+\s+){0,3}$|\b(?:for|during|in\s+connection\s+with)\s+$",
        before,
        re.I,
    )
    return bool(noun and FOR_AN_AUDIT.search(before) and HELPS.search(text))


GIVES = r"\b(?:give|grant|provide|afford|allow|permit)s?\s+(?:the\s+)?"


def _grants_vendor(before: str, vendor: re.Pattern[str]) -> bool:
    """The customer gives the vendor access ('will give Yellowline reasonable access to the vehicles for
    inspection'): the inspector is the vendor, whatever the sentence's subject."""
    return bool(re.search(GIVES + rf"(?:{VEND}|{vendor.pattern})", before[-160:], re.I))


_SITES = (
    r"(?:premises|offices|sites?|facilities|plants?|factories|warehouses|stores|branches|records|accounts|books|systems|"
    r"laborator(?:y|ies)|clinics?|hospitals?|farms?|mines?|vessels?)"
)
# a report that "constitutes the whole of the COOPERATIVE's right to examine the PROVIDER's systems": assurance in
# place of an audit, not a grant of one
WHOLE_RIGHT = rx(
    r"\b(?:constitutes?|is|are|shall\s+be)\s+(?:the\s+)?(?:whole|entirety|full\s+extent|sum|sole\s+extent)\s+of\s+"
    r"(?:[\w'’-]+\s+){0,3}?rights?\s+to\s+(?:audit|inspect|examine|verify)"
)


_AGENCY_NAME = re.compile(
    r"(?-i:[A-Z])\w+\s+(?-i:Agency|Authority|Office|Commission|Board|Service|Department|Bureau|Directorate|Inspectorate)\b"
)


def _customer_audits(hits: list[Hit], ctx: ReviewContext) -> list[Hit]:
    """Audit hits where the customer (or its auditor/regulator) audits; 'Vendor shall permit Customer to
    audit' counts, 'Vendor may audit Customer's use' does not."""
    out = []
    roles = family_roles(ctx.documents)
    vendor = roles.vendor
    of_customer = re.compile(
        # "inspections ... at THE COMPANY's premises", "the Land Bank's accounts and records are subject to audit"
        rf"^[^.;]{{0,60}}?\b(?:at|of|in)\s+(?:the\s+)?(?:{roles.customer.pattern})(?:'s|’s)\s+(?:[\w-]+\s+){{0,3}}?"
        rf"{_SITES}\b|"
        # "the social compliance audits carried out at the plants of LA EMPRESA"
        # ("the inspections that the Ministry of Health carry out on the laboratories of EL LABORATORIO")
        rf"^[^.;]{{0,120}}?\b(?:at|of|in|on)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{_SITES}\s+of\s+(?:the\s+)?"
        rf"(?:{roles.customer.pattern})\b|"
        # "the National Customs Authority may audit LA CLIENTE's warehouse records and inventory"
        rf"^\s+(?:the\s+)?(?:{roles.customer.pattern})(?:'s|’s)\s+(?:[\w-]+\s+){{0,3}}?{_SITES}\b|"
        # "The audits of the CLIENT by the Autoridade Tributária ... do not extend to the SUPPLIER"
        # ("... by the Canadian Food Inspection Agency are inspections of Customer, and ...")
        rf"^\s+of\s+(?:the\s+)?(?:{roles.customer.pattern})\b(?!['’])(?:\s+by\b|\s*[,.;)]|\s+and\b|\s*$)",
        re.I,
    )
    # ("The Client remains subject to the controls of the customs administration and to the audits of its AEO
    # certificate")
    subject_to = re.compile(
        rf"(?:{roles.customer.pattern})(?:(?:'s|’s)\s+(?:[\w,-]+\s+){{0,5}}?|\s+)(?:is|are|remains?)\s+(?:also\s+)?"
        r"subject\s+to\s+[^.;]{0,80}?$",
        re.I,
    )
    for h in hits:
        label = RUN_IN_LABEL.match(h.sentence.text)
        if label and h.start < label.end():
            # "**5.5 Regulatory inspections.** The Customer informs ...": the label names a topic; judge the body
            body = rejudge_from(h, AUDIT, label.end(), ctx, ("customer", "both", None))
            if body is None:
                continue
            h = body
        text = h.sentence.text
        if of_customer.search(text[h.end :]) or subject_to.search(text[max(0, h.start - 120) : h.start]):
            # "(where the Customer's accounts are subject to audit by the Audit Department) ... may audit and inspect
            # the Provider's facilities": an aside about the customer's own audit; judge what follows it
            later = rejudge_from(h, AUDIT, h.end, ctx, ("customer", "both", None))
            while later is not None and _AGENCY_NAME.match(text, later.start):
                # "by the Canadian Food Inspection Agency": the name of the body that inspects, no further audit
                later = rejudge_from(h, AUDIT, later.end, ctx, ("customer", "both", None))
            if later is None or of_customer.search(text[later.end :]):
                continue
            if re.search(
                r"\b(?:such|these|those|said|the\s+same)\s+$",
                text[max(0, later.start - 20) : later.start],
                re.I,
            ):
                continue  # "... the reports required for such audits": the same audit of the customer
            h = later
        if WHOLE_RIGHT.search(text):
            continue  # "The delivery of the summary ... constitutes the whole of the Customer's right to examine"
        if re.search(
            r"\bresponsib\w+\b[^.;]{0,60}\bfor\s+(?:the\s+)?$", text[max(0, h.start - 100) : h.start], re.I
        ):
            continue  # "The First Party remains responsible before the Ministry for the inspection of ...": its own duty
        audits_customer = re.match(rf"\s+(?:the\s+)?(?:{CUST}|your)\b", text[h.end : h.end + 30], re.I)
        # ("its internal audit function ... shall have the right to" names who audits, not a report)
        own_audit = (
            OWN_AUDIT.search(text[max(0, h.start - 40) : h.start])
            and h.role != "customer"
            and not AUDIT_BODY.match(text, h.end)
        )
        unaimed = h.role is None and not (
            re.search(rf"\b{VEND}\b|regulator|supervisory", text, re.I) or vendor.search(text)
        )
        replaced = REPLACED.search(text[max(0, h.start - 50) : h.start]) or OWN_AUDITS.search(
            text[max(0, h.start - 60) : h.start]
        )
        if audits_customer or own_audit or unaimed or replaced or LICENCE_AUDIT.search(text):
            continue
        if _helps_with_an_audit(text, h):
            continue
        if PRODUCT_ENABLES.search(text[max(0, h.start - 80) : h.start]):
            continue  # "The Services enable Customer to audit members' compliance": a feature of the product
        if h.role == "customer" and _grants_vendor(text[: h.start], vendor):
            continue  # "District will give Yellowline access to the vehicles for inspection": the vendor inspects
        if h.role == "customer" and _customer_duty(
            text[max(0, h.start - 150) : h.start], text[h.start : h.end]
        ):
            continue
        if h.role == "customer" and RESPONSIBLE_FOR.search(text[max(0, h.start - 80) : h.start]):
            continue  # "Customer remains solely responsible for the approval, inspection and sealing of its scales"
        if h.ok or (
            h.verdict == "wrong_direction"
            and (_permits_customer(text[: h.start], ctx) or _appoints_auditor(text[: h.start], ctx))
        ):
            h.verdict = "ok"
            out.append(h)
    return out


@register("audit_rights")
def audit_rights(req: Requirement, ctx: ReviewContext) -> Finding:
    """Customer (or its auditor/regulator) may audit the vendor; weak when only reports or illusory."""
    hits = scan(ctx, "audit", AUDIT, actors=("customer", "both", None))
    granted = _customer_audits(hits, ctx) or ok(
        scan(ctx, "audit", RECORDS_TO_REGULATOR, actors=("vendor", "both", None))
    )
    params: dict[str, int | float | str | bool | None] = {}
    if granted:
        # the clause that grants the right leads ("the Client may carry out inspections"), before sentences
        # that only mention an audit ("errors found in the examination of the results")
        # (and the customer's own audit before a regulator's, whose notice is the regulator's)
        granted.sort(key=lambda h: (_RIGHT.search(h.sentence.text) is None, _by_regulator(h)))
        own = [h for h in granted if not _by_regulator(h)]
        params["notice_days"] = (
            notice_param(own)[0] or notice_param(granted)[0] or notice_param(granted, radius=1)[0]
        )
        params["frequency_months"] = _audit_frequency(granted) or _audit_frequency(
            [Hit(s, "audit", 0, 0, None, "ok") for h in granted[:3] for s in neighbours(h.sentence, 1)]
        )
        weak, extra = weak_signals(granted, AUDIT_WEAK)
        regulator = [h for h in granted if _by_regulator(h)]
        note, who = "", "The customer"
        if weak and regulator and not weak_signals(regulator, AUDIT_WEAK)[0]:
            # a regulator's statutory right stands whatever limits the customer's own audit (HHS under the
            # Medicare Advantage provisions while "Customer's audit rights are satisfied by a SOC 2 report")
            note, who = (
                f" The customer's own right is limited ({'; '.join(weak)}), not the regulator's.",
                "A regulator",
            )
            weak, extra, granted = [], [], regulator
            params = {
                "notice_days": notice_param(regulator)[0],
                "frequency_months": _audit_frequency(regulator),
            }
        # the sentence that grants the right is quoted, not one where the vendor "shall cooperate with such audits"
        shown = sorted(granted, key=_grant_rank)[:1]
        where = shown[0].sentence.where
        out = decide(
            req,
            shown + extra,
            present_reason=f"{who} may audit the vendor ({where}).{note}",
            weak=weak,
            params=params,
        )
        return to_finding(req, out)
    reports = (
        ok(scan(ctx, "report", PROVIDE, within=REPORT, actors=("vendor", None)))
        or ok(scan(ctx, "report", RELY, within=REPORT, actors=("customer", "both", None)))
        or ok(scan(ctx, "report", SUBSTITUTE, within=SUBSTITUTE_FOR, actors=None))
        or ok(scan(ctx, "report", WHOLE_RIGHT, actors=None))
    )
    if reports:
        where = reports[0].sentence.where
        # with the report, the words that make it the only assurance ('provided in lieu of any audit')
        limits = (
            ok(scan(ctx, "report", SUBSTITUTE, within=SUBSTITUTE_FOR, actors=None))
            or ok(scan(ctx, "report", WHOLE_RIGHT, actors=None))
            or [h for h in hits if h.verdict == "negated"]
        )
        out = decide(
            req,
            reports[:1] + limits[:1] + reports[1:],
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


# --- subprocessor disclosure --------------------------------------------------------------------
SUBPROC = rx(
    r"sub-?\s?processors?|sub-?contractors?|sub-?contract(?:ing)?|third[- ]party\s+processors?|"
    # French drafting in translation: "subsequent processors" (sous-traitants ultérieurs)
    r"\bsubsequent\s+processors?|sous-traitants?\s+ultérieurs?|"
    r"(?:another|other|additional|new)\s+processors?|"
    # Korean (PIPA) and Japanese (APPI) drafting in translation: the processor "re-entrusts" the processing
    r"\b(?:re|sub)-?entrust\w*|"
    # LGPD's "suboperador"; plain English names them by what they do with the data
    r"sub-?\s?operators?|\b(?:our\s+|third[- ]party\s+)?service\s+providers\s+(?:who|that|which)\s+(?:may\s+|will\s+|can\s+)?"
    r"(?:receive|process|access|host|store|handle|have\s+access\s+to)\b|"
    # translated civil-law drafting: "the third parties involved by the Contractor" in the performance
    r"\bthird\s+parties\s+(?:involved|engaged|used|retained)\s+by\s+(?:the\s+)?(?:contractor|provider|supplier|vendor|processor|it)\b|"
    # "may replace or add third parties, informing the Customer ...": the same parties, changed
    r"\b(?:replac|add|engag|appoint)\w*\s+(?:or\s+(?:replac|add|engag|appoint)\w*\s+)?(?:new\s+|additional\s+)?third\s+parties\b|"
    r"\binvolve\w*\s+third\s+parties\b(?=[^.;]{0,120}\bperformance\b)|"
    # the vendor's own processors: "The Contractor may use processors for the hosting ...", "entrust the processing of
    # Examination Data to processors, the list of such processors"
    r"\b(?:use|engage|appoint)\s+processors\b|\bto\s+processors\b|\bsuch\s+processors\b|"
    # "For the provision of the services, EL PROVEEDOR uses the third-party providers listed in Annex B", "the
    # incorporation of any new provider that will have access to the information of LA EMPRESA"
    r"\bthird[- ]party\s+providers\b(?=[^.;]{0,40}\b(?:listed|identified|set\s+out|named)\b)|"
    r"\buses\s+(?:the\s+)?third[- ]party\s+providers\b|"
    r"\bnew\s+providers?\b(?=[^.;]{0,40}\b(?:access|process|host|store)\w*\b)"
)
SP_LIST = rx(
    r"\b(?:list(?:ed)?|(?<![\w-])identified|set\s+(?:out|forth)|(?:described|specified|detailed|indicated)\s+in|laid\s+down\s+in(?=\s+(?:the\s+)?(?:annex|schedule|appendix|exhibit)\b|\s{4,})|available\s+at|published|https?://|www\.|annex|"
    r"appendix|schedule|exhibit|namely|as\s+follows)\b|"
    # "with the participation of the following subcontractors:" and a table of them
    r"\bthe\s+following\s+(?:[\w-]+\s+)?(?:sub-?\s?processors|sub-?contractors|third\s+parties)\b|"
    # "you can see all of them on our sub-processors page at example.com/subprocessors"
    r"\b(?:web\s*)?page\b|\bwebsite\b|\b[a-z0-9-]+(?:\.[a-z0-9-]+)+/[\w/-]+"
)
SP_NOTICE = rx(
    # ("Our Privacy Notice describes the categories of Subprocessors": a document, no notice)
    r"\b(?:notif\w*|(?<!privacy\s)notice(?!\s+of\s+privacy)|inform(?!ation)\w*|tell|let\s+\w+\s+know|advance|prior\s+written\s+(?:notice|consent)|consent)\b|"
    # "We will e-mail the account owner ...", "shall update that list at least seven (7) days before ..."
    r"\be-?mail\s+(?:you|customers?|the\s+(?:[\w-]+\s+){0,2}?(?:customer|client|owner|administrator|admin|contact))\b|"
    r"\bupdat\w*\s+(?:the|that|this|its|our)\s+(?:[\w-]+\s+)?(?:list|page)\b(?=[^.;]{0,60}\bbefore\b)|"
    # "We will post any new Subprocessor on that page at least fifteen (15) days before it begins processing"
    r"\b(?:post|publish)\w*\b(?=[^.;]{0,100}?\b(?:days?|weeks?|months?)['’]?\s+(?:before|prior\s+to|in\s+advance)\b)|"
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


def _annex_missing(hit: Hit, ctx: ReviewContext) -> bool:
    """The list sentence names an attachment no document of the family holds ('only the subcontractors
    identified in Exhibit D (Approved Subcontractors)', 'governed exclusively by Annex 3'): the list exists,
    but it was not provided."""
    text = hit.sentence.text
    if re.search(rf"\b(?:said|such|that|the\s+same)\s+{ATTACHMENT_KINDS}\b", text, re.I):
        # "... in accordance with the procedure established in said Annex": the annex named just before
        prior = sentence_before(hit.sentence)
        text = " ".join([*([prior.text] if prior else []), text])
    if any(
        re.fullmatch(ATTACHMENT_KINDS, m.group("kind"), re.I) and target_missing(m.group(0), ctx.documents)
        for m in XREF_RE.finditer(text)
    ):
        return True
    # "the sub-processors identified in Part C of the Order Form", where no order form is in the family
    return any(
        names_document(m.group("doc"))
        and target_missing(m.group("doc"), ctx.documents, source=hit.sentence.doc)
        for m in PART_OF_DOCUMENT.finditer(text)
    )


PART_OF_DOCUMENT = re.compile(
    r"\b(?:Part|Section|Schedule|Annex|Appendix|Exhibit)\s+[\w.]+\s+(?:of|to)\s+the\s+"
    r"(?P<doc>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,3})",
    re.I,
)


def _points_outside(hit: Hit, ctx: ReviewContext) -> bool:
    """'The sub-processors ... are set out in the DPA' where the DPA is not in the family: the list
    exists, but in a separate document that was not provided (an annex of this contract is its list)."""
    target = reference_target(hit.sentence.text) if hit.verdict == "reference" else None
    if _annex_missing(hit, ctx):
        return True
    if target and not names_document(target):
        # an annex of this contract is its list, unless it is a separate document ("as set out in Appendix 3,
        # which is signed by the Parties separately") that no document of the family holds
        separate = re.search(r"\bseparate(?:ly)?\b|\bnot\s+attached\b", hit.sentence.text, re.I)
        return _titled_terms_missing(target, ctx) or bool(
            separate and target_missing(target, ctx.documents, source=hit.sentence.doc)
        )
    if not target:
        return False
    return target_missing(target, ctx.documents, source=hit.sentence.doc)


# "described in the Publisher Terms", "set out in the Partner Privacy Policy": a titled set of terms
TITLED_TERMS = re.compile(
    r"^(?:the\s+)?(?:applicable\s+|relevant\s+)?(?P<name>(?:[A-Z][\w-]*\s+){1,3}(?:Terms|Policy|Agreement|Addendum|Conditions))\b"
)


def _titled_terms_missing(target: str, ctx: ReviewContext) -> bool:
    """The target is a titled set of terms that no document of the family is, or carries as a heading."""
    m = TITLED_TERMS.match(target.strip())
    if m is None:
        return False
    name = re.escape(m.group("name")).replace(r"\ ", r"\s+")
    for doc in ctx.documents:
        if re.search(name, f"{doc.title or ''} {doc.filename}", re.I):
            return False
        if re.search(rf"^[#*\s]*(?:[\w.]+\s+)?{name}\b", doc.text, re.I | re.M):
            return False
    return True


def _unclear_elsewhere(hit: Hit) -> Outcome:
    target = reference_target(hit.sentence.text) or next(
        (
            m.group(0)
            for m in XREF_RE.finditer(hit.sentence.text)
            if re.fullmatch(ATTACHMENT_KINDS, m.group("kind"), re.I)
        ),
        "a document",
    )
    return Outcome(
        Status.unclear,
        f"{hit.sentence.where} says the subprocessors and their notice terms are set out in "
        f"{target}, which is not in the documents provided or is only a placeholder.",
        [hit],
        confidence=0.5,
    )


# what each missing part is called where a contract defers it: "the list of those subcontractors and notice of
# any change to them are set out in Schedule 4", "the notice ... and Sponsor's right to object are governed by
# the DPA, which is not reproduced here"
PART_WORDS = {
    "list of subprocessors": rx(r"\b(?:list|identity|identities|names?)\b"),
    "advance notice of new ones": rx(r"\b(?:notice|notif\w*|inform\w*)\b"),
    "right to object": rx(r"\b(?:object\w*|veto)\b"),
}


def _deferred_parts(
    ctx: ReviewContext, req: Requirement, lacking: list[str], sp: re.Pattern[str]
) -> Outcome | None:
    """`unclear` when every part the contract lacks is said to be set out in a schedule or document that is
    not provided: the missing terms exist, they cannot be checked."""
    deferring = [
        Hit(sent, "deferred", 0, 0, None, "ok")
        for sent in family_sentences(ctx)
        if sp.search(sent.text)
        and REFERENCE_RE.search(sent.text)
        and all(PART_WORDS[k].search(sent.text) for k in lacking)
    ]
    return unclear_reference(ctx, req, deferring) if deferring else None


SUBPROC_WORD = rx(rf"(?:{SUBPROC.pattern})[\w-]*")
# what a defined term means when it names a subcontractor: "a third person engaged by the Contractor for the
# performance of part of its obligations"
SUBPROC_MEANING = rx(
    SUBPROC.pattern
    + r"|\bthird\s+(?:person|party|entity|legal\s+entity)\s+(?:\w+\s+){0,2}?(?:engaged|involved|used|retained|"
    r"appointed|contracted)\s+by\s+(?:the\s+)?(?:contractor|provider|supplier|vendor|processor|executor|it)\b"
)
# "Subcontractor shall ..." in a subcontract names the vendor itself, and "this Subcontract" the agreement
AGREEMENT_ITSELF = rx(r"\b(?:this|the|such)\s+$")
A_THIRD = rx(r"\b(?:a|an|any|each|its|new|other|another|lower-tier|such)\s+$")


# "We use third-party service providers (subprocessors) to host the Service. Our current list is published on our
# Trust Center.": the list the sentence before speaks of
SP_LIST_BACK = rx(
    r"\b(?:our|the|its|this|that)\s+(?:current\s+|up[- ]to[- ]date\s+|full\s+|complete\s+)?list\b[^.;]{0,40}?\b"
    r"(?:is|are|will\s+be|shall\s+be|can\s+be)\s+(?:\w+\s+)?(?:published|available|posted|found|maintained|kept)\b"
)


def _follows_subprocessors(hit: Hit, vendor: re.Pattern[str], sp: re.Pattern[str] = SUBPROC) -> bool:
    """The sentence right before the hit's, in its clause, names the subprocessors."""
    prior = sentence_before(hit.sentence)
    if prior is None:
        return False
    return bool(sp.search(prior.text)) and _names_subprocessor(
        Hit(prior, hit.element, 0, 0, None, "ok"), vendor, sp
    )


def _names_subprocessor(hit: Hit, vendor: re.Pattern[str], sp: re.Pattern[str] = SUBPROC) -> bool:
    """The sentence (or its lead-in) speaks of a party other than the vendor that processes for it (`sp`: the
    family's words for one, its own defined terms included)."""
    words = SUBPROC_WORD if sp is SUBPROC else rx(rf"(?:{sp.pattern})[\w-]*")
    for text in (hit.sentence.text, hit.sentence.lead):
        for m in words.finditer(text):
            before = text[max(0, m.start() - 20) : m.start()]
            word = m.group()
            if word[0].isupper() and vendor.fullmatch(word) and not A_THIRD.search(before):
                continue
            agreement = re.fullmatch(r"sub-?contracts?", word, re.I)
            if agreement and (
                AGREEMENT_ITSELF.search(before)
                or word[0].isupper()
                or re.match(
                    r"\s+(?:forms?|templates?|terms|documents?|agreements?|conditions)\b",
                    text[m.end() :],
                    re.I,
                )
            ):
                continue  # "this Subcontract", "Prime's Subcontracts Administrator", "JCT sub-contract forms"
            return True
    return False


_CHANGE_WORD = rx(
    r"\b(?:new|add\w*|replac\w*|chang\w*|engag\w*|appoint\w*|intended|additional|authori[sz]\w*|substitut\w*|"
    r"updat\w*|modif\w*|incorporat\w*)\b"
)


def _announces_a_change(text: str) -> bool:
    """A notice about subprocessors that announces a new or changed one, or comes before something ('notify the
    Customer before authorising any sub-processor'); not 'the costs of notifying affected individuals where the
    incident was caused by its subcontractors'."""
    return bool(_CHANGE_WORD.search(text) or re.search(r"\b(?:before|prior\s+to|in\s+advance)\b", text, re.I))


def _audit_notice(text: str) -> bool:
    """'may inspect and audit the facilities ... of the Co-contractor and of its sub-processors ... upon 10
    (ten) working days' notice': the notice announces an audit, not a change of subprocessor."""
    return bool(AUDIT.search(text)) and not _CHANGE_WORD.search(text)


# "the sub-contractors named in Annex (4), which also sets out the procedure for informing the First Party": what the
# attachment holds, named after it
_ATTACHMENT_SETS_OUT = rx(
    r"\b(?:Annex(?:ure)?|Schedule|Appendix|Exhibit|Attachment)\s*\(?[\w.]+\)?,?\s+which\s+(?:also\s+|further\s+)?"
    r"(?:sets?\s+out|specif\w*|describ\w*|contains?|lays?\s+down|governs?|defines?|regulates?)\b"
)


_EXCEPT = rx(r"\b(?:except|excluding|other\s+than|save)\s+(?:for\s+)?(?:the\s+|its\s+|our\s+)?$")


def _exempted(text: str, sp: re.Pattern[str]) -> bool:
    """Every mention of the subprocessors in the sentence is an exception to its rule ('except Co-executors')."""
    found = list(sp.finditer(text))
    return bool(found) and all(_EXCEPT.search(text[max(0, m.start() - 30) : m.start()]) for m in found)


OR_OTHERWISE = rx(
    r"[^.;]{0,60}?\bor\s+otherwise\s+(?:selected|chosen|engaged|appointed|determined)\b|"
    r"[^.;]{0,60}?\bor\s+(?:any\s+)?others?\s+(?:selected|chosen)\s+by\b"
)
NOT_REQUIRED = rx(r"[^.;]{0,80}?\b(?:is|are|shall\s+be|will\s+be)\s+not\s+(?:required|needed|necessary)\b")


@register("subprocessor_disclosure")
def subprocessor_disclosure(req: Requirement, ctx: ReviewContext) -> Finding:
    """Subprocessors listed AND advance notice of new ones AND a customer right to object."""
    roles = family_roles(ctx.documents)
    vendor = roles.vendor
    # the family's own defined name for them ('"Co-executor" - a third person engaged by the Contractor ...')
    sp = with_terms(SUBPROC, defined_terms(ctx.documents, SUBPROC_MEANING))
    # ("whether identified in its Proposal or otherwise selected by Contractor": a list that binds nothing)
    listed = [
        h
        for h in scan(ctx, "list", SP_LIST, within=sp, actors=None)
        if h.verdict in ("ok", "reference")
        and _names_subprocessor(h, vendor, sp)
        and not OR_OTHERWISE.match(h.sentence.text, h.end)
    ]
    listed += [
        h for h in ok(scan(ctx, "list", SP_LIST_BACK, actors=None)) if _follows_subprocessors(h, vendor, sp)
    ]
    elsewhere = [h for h in listed if _points_outside(h, ctx)]
    listed = [h for h in listed if h not in elsewhere]
    for h in listed:
        h.verdict = "ok"  # "the list is set out in Annex 3" is the disclosure itself
    notice = [h for h in ok(scan(ctx, "notice", SP_NOTICE, within=sp)) if _names_subprocessor(h, vendor, sp)]
    # told after the change ("within ten business days after the replacement") is no advance notice, and the
    # notice of an audit of the vendor "and of its sub-processors" is no notice of a new one
    notice = [
        h
        for h in notice
        if not told_after_the_event(h.sentence.text)
        and not _audit_notice(h.sentence.text)
        and _announces_a_change(h.sentence.text)
        # ("Clause 11.2 of the Call-Off Terms is deleted and replaced by: ...": the notice it replaced is gone)
        and not disapplied(h, ctx)
    ]
    # the consent of the customer by the family's own name for it ("the prior written consent of the
    # Contracting Authority")
    sp_object = rx(
        SP_OBJECT.pattern
        + r"|\b(?:prior\s+)?(?:written\s+)?(?:consent|approval)\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?"
        f"{roles.customer.pattern}"
    )
    objection = [
        h
        for h in ok(scan(ctx, "object", sp_object, within=sp, actors=("customer", "both", "vendor", None)))
        if _names_subprocessor(h, vendor, sp)
    ]
    near = [s for h in listed + notice for s in neighbours(h.sentence, 2)]
    if listed and not notice:
        # "We list our subprocessors at ... We'll tell you 30 days before we add a new one."
        notice = [
            h
            for h in ok(scan(ctx, "notice", SP_NOTICE, sentences_=near))
            if not told_after_the_event(h.sentence.text)
        ]
    objection += ok(
        scan(ctx, "object", sp_object, sentences_=near, actors=("customer", "both", "vendor", None))
    )
    # "The consent of the Customer to the engagement of a new Co-executor is not required": the consent denied after it;
    # "shall not transfer them to third parties, except Co-executors, without the written consent of the Customer": a
    # consent that the subprocessors are exempt from
    objection = [
        h
        for h in objection
        if not NOT_REQUIRED.match(h.sentence.text, h.end) and not _exempted(h.sentence.text, sp)
    ]
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
    # notice and objection terms said only of an attachment that was not provided ("including the list of those
    # subcontractors and notice of any change to them, are set out in Schedule 4") are the missing attachment's
    deferring = [
        h
        for h in notice + objection
        if _annex_missing(h, ctx)
        and (
            REFERENCE_RE.search(h.sentence.text)
            or re.search(r"\bin\s+accordance\s+with\b", h.sentence.text, re.I)
            or _ATTACHMENT_SETS_OUT.search(h.sentence.text[: h.start])
        )
        and not notice_durations(h.sentence.text)
    ]
    if deferring:
        notice = [h for h in notice if h not in deferring]
        objection = [h for h in objection if h not in deferring]
        parts["advance notice of new ones"], parts["right to object"] = notice, objection
        elsewhere += deferring
    if elsewhere and not listed and notice and objection:
        # notice and objection are stated here: naming where the list is kept discloses it
        elsewhere[0].verdict = "ok"
        parts["list of subprocessors"] = listed = elsewhere[:1]
    if elsewhere and not any(parts.values()):
        return to_finding(req, _unclear_elsewhere(elsewhere[0]))
    have = [k for k, v in parts.items() if v]
    lacking = [k for k, v in parts.items() if not v]
    deferred = _deferred_parts(ctx, req, lacking, sp) if have and lacking else None
    if deferred is not None:
        return to_finding(req, deferred)
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
