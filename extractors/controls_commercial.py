"""Rule extractors for the commercial service terms of the default playbook: change notification and
service credits (termination for convenience and renewal notice live in `controls_terms`)."""

from __future__ import annotations

import re

from assistant.models import Finding
from assistant.playbook import Requirement
from extractors.base import ReviewContext, register
from extractors.parties import family_roles
from extractors.rules import (
    INDEX_LINKED,
    NOTICE,
    VEND,
    Hit,
    add_new_sentences,
    decide,
    duration_param,
    notice_param,
    ok,
    overridden_by,
    pick_value,
    precedence,
    rx,
    scan,
    to_finding,
    to_vendor,
    unclear_reference,
    weak_reasons,
)
from extractors.spans import (
    TAKES_EFFECT,
    Sentence,
    defined_terms,
    doc_sentences,
    family_sentences,
    neighbours,
    notice_durations,
    sentence_before,
    sentence_index,
    with_terms,
)
from extractors.text import NUMBER_WORDS, find_durations, parse_number

# --- change notification ------------------------------------------------------------------------
_OBJECTS = (
    r"(?:services?|terms|agreement|pricing|prices?|fees|charges|rates|tariffs?|security|features?|functionalit(?:y|ies)|polic(?:y|ies)|"
    r"sla|service\s+levels?|platform|solution|subscription|documentation|scope|deliverables|specifications?|"
    r"models?|apis?|endpoints?|product\s+description|systems?|data\s+cent(?:re|er)s?|"
    r"(?:hosting|processing|storage)\s+locations?)"
).replace("|security|", "|security\\s+(?:measures|controls|standards|polic\\w+|programme|program)|")
_TERMS = r"(?:terms|agreement|pricing|prices?|fees|charges|rates|polic(?:y|ies)|conditions|sla|service\s+level\s+agreement)"
CHANGE_OBJECT = rx(rf"\b{_OBJECTS}\b")
# retiring a model or an API version is a material change of the service like any other
_VERB = r"(?:modif\w*|chang(?:e|es|ed|ing)|amend\w*|updat(?:e|ed|ing)|revis\w*|alter(?:s|ed|ing|ations?)?|vari(?:ation|ed|es)s?|vary|deprecat\w*|discontinu\w*|retir(?:e|es|ed|ing)|adjust\w*|relocat\w*|upgrad\w*)"
_DOCS = r"(?:msa|dpa|order\s+forms?|these|this)"
CHANGE = rx(
    # "modify the functional characteristics of the Platform": the thing changed is a part of the object
    # (and a list of verbs: "may modify, add or withdraw functionalities of the platform")
    rf"\b{_VERB},?\s+(?:(?:add|withdraw|remov|replac|suspend|discontinu|extend)\w*,?\s+|or\s+){{0,4}}"
    rf"(?:(?:to|of|in)\s+)?(?:(?:the|its|any|such|our|their)\s+)?(?:[\w-]+\s+){{0,3}}?"
    rf"(?:(?:of|in|to)\s+(?:the|its|our|their|your)\s+)?(?:{_OBJECTS}|{_DOCS})\b|"
    # "any change that affects the OPC UA interface, the tag structure, ... or the Charges"
    rf"\b{_VERB}\s+(?:that|which)\s+(?:\w+ly\s+)?(?:reduces?|degrades?|affects?|impairs?|diminish\w*|alters?)\s+"
    rf"[^.;]{{0,160}}?\b{_OBJECTS}\b|"
    # "inform the Customer of material changes at least two (2) weeks before they take effect"
    r"\bmaterial\s+(?:changes?|modifications?)\b(?!\s+(?:in|of|to)\s+(?:the\s+)?(?:customer|client|law|control|"
    r"circumstances|ownership|its|their|your))|"
    # "each new version of the LIS": a release of the system, whatever its name
    r"\b(?:new|major)\s+(?:versions?|releases?)\s+of\b|"
    rf"\b{_OBJECTS}\s+(?:may|will|shall|can|might)\s+(?:\w+\s+)?(?:be\s+)?{_VERB}|"
    # the means of delivering the service: "change the tools, delivery site or staffing model used for the Services"
    rf"\b{_VERB}\s+(?:the|its|any|our)\s+(?:[\w,-]+\s+){{1,8}}?(?:used\s+(?:for|in|to\s+(?:provide|deliver|perform))|"
    rf"for|of)\s+(?:the\s+)?{_OBJECTS}\b|"
    # a new version of the service: "before deploying any software release that changes dispatcher workflows"
    r"\b(?:deploy\w*|roll\w*\s+out|releas\w*|introduc\w*)\s+(?:any\s+|a\s+|the\s+|each\s+)?(?:new\s+|major\s+)?"
    r"(?:software\s+)?(?:release|version|upgrade)s?\b|"
    # a list of what may change: "any change to the Facility Rules, the charges for power, or the Services"
    rf"\b{_VERB}\s+(?:to|of|in)\s+(?:[\w'’-]+,?\s+){{0,12}}?(?:or|and)\s+(?:the\s+|its\s+|our\s+)?(?:[\w-]+\s+){{0,2}}?{_OBJECTS}\b"
)
RELEASE_NOTICE = rx(r"\b(?:each|every|any)\s+(?:new|major)\s+(?:software\s+)?(?:versions?|releases?)\b")
# "may apply security patches and corrections of defects that do not change the functions of the Platform after posting
# a notice 48 hours in advance": a notice of maintenance that changes nothing the customer relies on
REQUESTED_CHANGE = rx(
    r"\b(?:effect|impact)s?\s+of\s+(?:the|a|any|such|each)\s+(?:requested|proposed)\s+change"
)
NOT_A_CHANGE = rx(
    r"\b(?:that|which)\s+do(?:es)?\s+not\s+(?:change|alter|affect|modify|reduce|degrade)\s+(?:the\s+|any\s+)?(?:[\w-]+\s+)?"
    r"(?:functions?|functionality|features?|service\s+levels?)\b"
)
UNILATERAL = rx(
    rf"{VEND}\s+(?:may|reserves\s+the\s+right\s+to|can)\s+(?:\w+\s+){{0,3}}?{_VERB}\s+(?:[\w,]+\s+){{0,6}}?{_TERMS}\b"
)
# "Kiln may modify the Service and these Terms from time to time": the party is resolved by `actor`
UNILATERAL_ANY = rx(
    rf"\b(?:may|reserves\s+the\s+right\s+to|can)\s+(?:\w+\s+){{0,3}}?{_VERB}\s+(?:[\w,]+\s+){{0,6}}?{_TERMS}\b"
)
AT_WILL = rx(
    r"\bat\s+any\s+time\b[^.]{0,160}\b(?:post|publish|website|online|url|sole\s+discretion|without\s+(?:prior\s+)?notice)|"
    r"(?:post|publish)\w*[^.]{0,80}(?:website|online|url|portal|web\s*site|web\s*page|\b[a-z0-9-]+(?:\.[a-z0-9-]+)+/\S*)|"
    r"(?:effective|binding)\s+(?:up)?on\s+(?:posting|publication)|"
    r"continued\s+use[^.]{0,80}(?:constitutes|deemed|acceptance)|without\s+(?:prior\s+)?notice|(?:sole|absolute)\s+discretion"
)
CHANGE_CONTROL = rx(
    rf"\bno\s+(?:change|modification|variation|amendment)s?\s+(?:to|of|in)\s+(?:the\s+)?{_OBJECTS}[^.]{{0,200}}?"
    r"\b(?:unless|except|until)\b[^.]{0,160}?(?:signed|change\s+(?:order|request|note)|agreed\s+in\s+writing|mutual)|"
    r"\bchanges?\s+(?:to|of)\s+(?:the\s+)?(?:scope|services|fees|charges)[^.]{0,80}\bonly\b[^.]{0,80}\b(?:change\s+control|signed|mutual)"
    # "No modification of the functional scope of the Services, of the Service Levels or of the prices may be applied to
    # the Client without a rider (avenant) signed by the Director General of the Client"
    # (or "... of the prices set out in Annex 2 shall take effect without an amendment (avenant) signed by both Parties",
    # past a cited "Article 15.3")
    + r"|\bno\s+(?:change|modification|variation|amendment)s?\s+(?:to|of|in)\s+(?:[^.]|\.(?=\d)){0,200}?\b(?:may|shall|will|can)\s+"
    r"(?:be\s+)?(?:applied|made|implemented|effective|binding|take\s+effect)\b[^.]{0,80}?\bwithout\s+(?:a|an|the)\s+[^.]{0,60}?"
    r"\bsigned\b"
    # "No change shall be effective unless recorded in a change note signed by both Parties"
    + r"|\bno\s+(?:change|modification|variation)s?\s+(?:shall|will)\s+(?:be\s+)?(?:effective|binding|valid|take\s+effect)"
    r"[^.]{0,160}?\b(?:unless|except|until)\b[^.]{0,120}?\b(?:change\s+(?:order|request|note|control)|"
    r"signed\s+by\s+(?:\w+\s+){0,4}?both)"
    # "no modification of the MSA, the Documentation, ... or the fees shall bind the District unless it is set out in a
    # written amendment approved by the District's Board ... and signed by its Chair"
    + r"|\bno\s+(?:change|modification|variation|amendment)s?\s+(?:to|of|in)\s+[^.]{0,160}?\b(?:shall|will)\s+bind\b"
    r"[^.]{0,80}?\b(?:unless|except|until)\b[^.]{0,160}?\b(?:written\s+amendment|change\s+(?:order|request|note)|signed)\b"
)

# "We may update the firmware and the features of the platform at any time": a change right over the
# service itself, with no notice at all
UNILATERAL_SERVICE = rx(
    # ("may modify, enhance or discontinue any feature of the Services at any time")
    rf"\b(?:may|can|reserves\s+the\s+right\s+to)\s+(?:\w+\s+){{0,3}}?{_VERB},?\s+[^.;]{{0,80}}?\b{_OBJECTS}\b"
    r"[^.;]{0,60}?\bat\s+any\s+time\b|"
    # "may at any time update, replace or retire any Foundation Model"
    rf"\b(?:may|can)\s+at\s+any\s+time\s+(?:[\w-]+,?\s+(?:or\s+|and\s+)?){{0,3}}?{_VERB}\b[^.;]{{0,80}}?\b{_OBJECTS}\b"
)

# "Amendments shall be offered to the Licensee no later than two months before their proposed date of
# taking effect": a window before the change takes effect is advance notice whatever the verb.
BEFORE_EFFECT = rx(
    r"\bbefore\s+(?:the\s+|their\s+|its\s+|such\s+)?(?:proposed\s+|planned\s+|intended\s+|scheduled\s+)?"
    r"(?:date\s+(?:of\s+)?(?:their\s+|its\s+)?(?:taking\s+effect|effect|entry\s+into\s+force)|effective\s+date|"
    r"(?:they|it|the\s+\w+|such\s+\w+)\s+(?:take|takes|come|comes)\s+(?:into\s+)?(?:effect|force)|"
    r"taking\s+effect|coming\s+into\s+(?:force|effect)|implementation)"
)


def _overrides(granted: list[Hit], at_will: list[Hit]) -> bool:
    """A notice commitment that overrides the at-will clause: 'Notwithstanding Section 9 of the MSA...',
    or one made in a more specific document (order form over MSA)."""
    for g in granted:
        if re.search(r"notwithstanding|supersed|prevail", g.sentence.text, re.I):
            return True
        if all(precedence(g) < precedence(a) for a in at_will):
            return True
    return False


_NO_NOTICE = rx(
    r"without\s+(?:prior\s+|advance\s+)?notice|(?:sole|absolute)\s+discretion|effective\s+(?:up)?on\s+posting"
)


def _at_will_only(text: str) -> bool:
    """An at-will change sentence, unless it also states a notice window: "we'll tell you two weeks before
    the change takes effect, and the new version will be posted online" gives notice; posting is the form."""
    if not AT_WILL.search(text):
        return False
    return bool(_NO_NOTICE.search(text)) or not notice_durations(text)


CHANGE_NOUN = rx(r"\b(?:changes?|modifications?|amendments?|variations?|updates?|revisions?)\b")


def _follow_up_notices(ctx: ReviewContext) -> list[Hit]:
    """A notice window stated in the sentence after the change right, which names the change only by its
    noun: 'The Provider may amend these terms. It shall notify the Bank of any amendment at least twenty
    days before it takes effect', 'We may modify these Terms. For material changes we will notify you
    fifteen days before'."""
    out = []
    for hit in scan(ctx, "notice", NOTICE, within=CHANGE_NOUN):
        text = hit.sentence.text
        if CHANGE.search(text) or not notice_durations(text) or _at_will_only(text):
            continue
        prior = sentence_before(hit.sentence)
        if prior and CHANGE.search(prior.text):
            out.append(hit)
    return out


# the policy's window is the one before *material* changes: where a contract gives a short notice for
# ordinary amendments and a longer one for changes adverse to the customer, the latter decides
MATERIAL = rx(
    r"\b(?:material(?:ly)?|unfavou?rable|adverse(?:ly)?|detriment\w*|disadvantage\w*|significant(?:ly)?|"
    r"substantial(?:ly)?)\b"
)


def _material_window(granted: list[Hit]) -> list[Hit]:
    """The granted notices tied to material or adverse changes, when some are and others are not."""
    material = [h for h in granted if MATERIAL.search(h.sentence.text) and notice_durations(h.sentence.text)]
    ordinary = [h for h in granted if h not in material and notice_durations(h.sentence.text)]
    return material if material and ordinary else granted


def _delayed_effect(ctx: ReviewContext) -> list[Hit]:
    """Changes that take effect a stated time after they are published or notified ("Amendments enter into
    force fifteen (15) days after publication"), said in the change sentence or the one after it."""
    out = []
    for hit in scan(ctx, "notice", TAKES_EFFECT, within=CHANGE_NOUN, actors=None):
        text = hit.sentence.text
        if not notice_durations(text):
            continue
        prior = sentence_before(hit.sentence)
        if CHANGE.search(text) or AT_WILL.search(text) or (prior and CHANGE.search(prior.text)):
            out.append(hit)
    return out


def _notice_hits(ctx: ReviewContext) -> list[Hit]:
    """Sentences that give notice of a change: notice words, a window before the change takes effect, a
    delay after publication, or a notice following the change right."""
    # the family's own name for a change ('"Major Change" means any change to the Hosted Application ...')
    change = with_terms(CHANGE, defined_terms(ctx.documents, CHANGE_NOUN))
    # ("shall, within ten (10) Working Days, tell the Company in writing the effect of the requested change": an answer
    # to the customer's own change request, no notice of a vendor's change)
    hits = [
        h
        for h in scan(ctx, "notice", NOTICE, within=change)
        if not _at_will_only(h.sentence.text)
        and not NOT_A_CHANGE.search(h.sentence.text)
        and not REQUESTED_CHANGE.search(h.sentence.text)
    ]
    to_vendor(hits, family_roles(ctx.documents))
    windows = [
        h for h in scan(ctx, "notice", BEFORE_EFFECT, within=CHANGE) if notice_durations(h.sentence.text)
    ]
    for extra in (windows, _follow_up_notices(ctx), _delayed_effect(ctx)):
        hits = add_new_sentences(
            hits,
            [
                h
                for h in extra
                if not _at_will_only(h.sentence.text) and not NOT_A_CHANGE.search(h.sentence.text)
            ],
        )
    return hits


@register("change_notification")
def change_notification(req: Requirement, ctx: ReviewContext) -> Finding:
    """Advance written notice (a window) before the vendor makes material changes."""
    hits = _notice_hits(ctx)
    control = ok(scan(ctx, "control", CHANGE_CONTROL, actors=None))
    releases = [h for h in ok(hits) if RELEASE_NOTICE.search(h.sentence.text)]
    release_days = notice_param(releases)[0]
    if control and release_days is not None and weak_reasons(req, {"notice_days": release_days}):
        # scope, levels and price change only by a signed change request: a notice of each new software version
        # is release management, whose short window does not make that control weak
        hits = [h for h in hits if h not in releases]
    # "Notwithstanding clause 4.3 of the MSA, no change ... shall take effect unless agreed in a Change Request": a
    # change procedure in another document that overrides the notice clause replaces its window, short or not
    overridden = [
        h
        for h in ok(hits)
        if notice_durations(h.sentence.text)
        and any(c.sentence.doc.id != h.sentence.doc.id and _overrides([c], [h]) for c in control)
    ]
    hits = [h for h in hits if h not in overridden]
    # "Notwithstanding Section 14.1 of the Terms, no change shall bind the Assessor unless ... twenty (20) days'
    # notice": the window of the clause set aside gives way
    hits = [h for h in hits if not (h.ok and overridden_by(h, ok(hits)))]
    granted = ok(hits) + control
    at_will = [h for h in ok(scan(ctx, "at_will", AT_WILL, within=CHANGE)) if _at_will_only(h.sentence.text)]
    if not granted and not at_will:
        at_will = [
            h
            for h in (
                ok(scan(ctx, "at_will", UNILATERAL, actors=None))
                or ok(scan(ctx, "at_will", UNILATERAL_ANY, actors=("vendor",)))
                or ok(scan(ctx, "at_will", UNILATERAL_SERVICE, actors=("vendor",)))
            )
            # "may adjust the Fees once a year by the consumer price index": a formula, no change right
            if not INDEX_LINKED.search(h.sentence.text)
        ]
    days, _, note = notice_param(_material_window(granted))
    if days is None:
        days, _, note = duration_param(_material_window(granted), NOTICE, "days", prefer="min")
    weak: list[str] = []
    if at_will and granted and _overrides(granted, at_will):
        note += f" It overrides the unilateral change right in {at_will[0].sentence.where}."
        at_will = []
    if at_will:
        weak.append(f"the vendor may change terms at any time ({at_will[0].sentence.where})")
    evidence = granted[:2] + at_will[:1]
    where = evidence[0].sentence.where if evidence else ""
    what = (
        "Changes take effect only when the customer agrees to them in writing (change control)"
        if granted and all(h in control for h in granted)
        else "The vendor must give advance notice of changes"
        if granted
        else "The vendor may change unilaterally"
    )
    out = decide(
        req,
        evidence,
        present_reason=f"{what} ({where}).{note}",
        weak=weak,
        params={"notice_days": days},
        rejected=[h for h in hits if not h.ok],
        ctx=ctx,
        missing_reason="No clause requires the vendor to give advance notice of material changes.",
    )
    return to_finding(req, out)


# --- service credits ----------------------------------------------------------------------------
# a percentage, as a sign or in words ("99.7 percent", "99,5 per cent")
_PCT = r"\s*(?:%|per\s*cent\b)"
TARGET = rx(
    rf"\d{{2}}(?:\.\d+)?{_PCT}[^.;]{{0,80}}(?:uptime|availab|service\s+level)|(?:uptime|availab\w*)[^.;]{{0,80}}?\d{{2}}(?:\.\d+)?{_PCT}|"
    # translated drafting: "a monthly operating rate of the Service of 99.5%"
    rf"\b(?:operating|operation|utili[sz]ation)\s+rate\b[^.;]{{0,60}}?\d{{2}}(?:\.\d+)?{_PCT}|"
    r"\bresponse\s+(?:and\s+(?:resolution|restoration|repair|fix)\s+)?(?:times?|targets?)\b|\b(?:respond|resolv|acknowledg|restor)\w*\s+(?:to\s+)?(?:[\w-]+\s+){0,5}?(?:incidents?|tickets?|issues?|faults?|"
    r"defects?|errors?|outages?|failures?|support\s+requests?|calls?|cases?)\s+(?:[\w()-]+\s+){0,12}?within\b|"
    r"\bresolution\s+(?:times?|targets?)\b|"
    r"\bservice\s+levels?\b(?!\s+(?:agreement|schedule|exhibit|document))"
)
SLA_TOPIC = rx(r"availab|uptime|downtime|service\s+levels?|\bSLA\b|response\s+time|outage|unavailab")
IMPLICIT_TARGET = rx(SLA_TOPIC.pattern + r"|\bKPIs?\b|key\s+performance\s+indicators?")
REMEDY = rx(
    r"\bservice\s+(?:level\s+)?(?:credits?|rebates?)|\b(?:sla|availability|uptime|performance)\s+credits?|"
    r"\bcredit(?:s|ed)?\b(?!\s+cards?)(?:[^.;]|\.\d){0,60}(?:fees?|invoices?|charges?|accounts?|bill(?:s|ing)?)\b|"
    # civil-law drafting calls the credit a penalty ("pénalités"): a share of the fee for missing the level
    # ("a penalty of one percent (1%) of the annual instalment")
    r"\bpenalt(?:y|ies)\b(?:[^.;]|\.\d){0,60}\b(?:fees?|invoice|charges?|instal+ments?|remuneration|"
    r"(?:monthly|subscription|service)\s+(?:[\w-]+\s+)?price)\b|\b(?:fees?|charges?|price)\s+(?:reductions?|abatements?)|"
    r"\b(?:fees?|charges?|price|invoice|cost\s+of\s+(?:the\s+)?services)\b[^.;]{0,60}\b(?:reduced|abated|discounted)\b|\breduc\w*\s+(?:\w+\s+){0,3}(?:fees?|charges?|price)|"
    r"\b(?:consecutive|repeated|persistent|chronic)[^.;]{0,80}\bterminat|\bterminat\w*[^.;]{0,40}\bwithout\s+(?:penalty|liability|charge)|"
    r"\brebates?\b|\bdiscounts?\s+(?:on|of|against|off)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:fees?|charges?|amounts?|invoices?|prices?)\b|\babatements?\b|\bliquidated\s+damages\b|\bdeduct\w*\s+(?:[\w-]+\s+){0,5}from\s+(?:the\s+)?(?:[\w-]+\s+)?(?:fees?|charges?|invoices?|"
    r"payments?)|(?<!non-)\brefund|"
    r"\bterminat\w*[^.;]{0,80}(?:chronic|repeated|persistent|fail)"
)
CAP = rx(
    r"(?:not\s+exceed,?\s*(?:(?:in\s+(?:the\s+)?aggregate|per\s+(?:calendar\s+)?month|in\s+any\s+(?:calendar\s+)?month),?\s*)?|capped\s+at|maximum\s+(?:of\s+)?|up\s+to|limited\s+to|cap\s+of|"
    # "the maximum aggregate Service Credits in any month shall be ten percent (10%)"
    # "the total of all credits shall in no calendar month exceed five per cent (5 %)"
    r"(?:maximum|aggregate|total)\s+(?:[\w-]+\s+){0,7}?(?:shall|will|may)\s+(?:not\s+exceed|be|(?:in\s+no|never)\s+"
    r"(?:[\w-]+\s+){0,3}?exceed)\b|"
    # "In no event shall Service Credits in any calendar month exceed three percent (3%)"
    r"\bin\s+no\s+(?:event|case|circumstances?)\s+(?:shall|will|may)\s+(?:[\w-]+\s+){1,8}?exceed\b|"
    # "The monthly cap on Service Credits is fifteen percent (15%)"
    r"\bcap\s+on\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:is|shall\s+be|will\s+be)\b)"
    # ("shall not exceed an amount equal to fifty per cent (50%) of one Monthly Fee")
    r"(?:\s*an\s+amount\s+equal\s+to)?"
    # ("shall not exceed 25 (twenty-five) percent": the words follow the figure)
    # ("two and a half per cent (2.5%)": words, then the figure with decimals)
    r"\s*(?:(?:[\w-]+\s+){1,4}?(?:percent\s+|per\s*cent\s+)?\()?(?P<pct>\d{1,3}(?:\.\d+)?)\)?\s*(?:\([\w\s-]{1,30}\)\s*)?(?:%|per\s*cent)"
)
# "capped at two per cent of the Monthly Charges": a cap written in words
CAP_WORDS = rx(
    rf"(?:not\s+exceed|capped\s+at|maximum\s+(?:of\s+)?|up\s+to|limited\s+to|cap\s+of)\s*(?P<pct>{NUMBER_WORDS})\s*"
    r"(?:%|per\s*cent)"
)
PERCENT = re.compile(r"(\d{2}(?:\.\d+)?)\s*(?:%|per\s*cent\b)", re.I)


TO_BE_AGREED = rx(
    r"\b(?:agree|negotiate|finali[sz]e|settle|determine)\s+(?:the\s+|any\s+)?(?:[\w-]+\s+)?service\s+levels?\b|"
    r"\bservice\s+levels?\s+(?:\w+\s+){0,3}?(?:are|is|have\s+been|shall\s+be|will\s+be)\s+(?:mutually\s+)?agreed|"
    r"\b(?:until|unless|once|when)\s+(?:such\s+|the\s+)?service\s+levels?|\bto\s+be\s+agreed\b"
)


def _to_be_agreed(hit: Hit) -> bool:
    """'The parties shall agree service levels within 90 days', 'until such service levels are agreed': a
    service level named only as something to agree later is no target (a number or a time still counts)."""
    named_only = re.match(r"service\s+level", hit.sentence.text[hit.start : hit.end], re.I)
    return bool(named_only) and bool(TO_BE_AGREED.search(hit.sentence.text))


def _sla_remedy(hit: Hit) -> bool:
    """A remedy for missing a service level: a credit or rebate, or a fee reduction next to a service level
    ('... 99.8% per month. If it does not, the Charges shall be reduced by 10%'); a refund only counts when
    its own sentence speaks of service levels."""
    text = hit.sentence.text
    if re.search(r"credit|rebate", text, re.I) or IMPLICIT_TARGET.search(text):
        return True
    if re.match(r"refund|terminat|consecutive|repeated|persistent|chronic", text[hit.start : hit.end], re.I):
        return False  # a refund or an exit right is a service-level remedy only where it says so
    return any(IMPLICIT_TARGET.search(s.text) for s in neighbours(hit.sentence, 1))


def _implied_target(hit: Hit) -> bool:
    """A remedy tied to a service level stated around it: in its sentence, its neighbours (a credit table's
    rows) or its clause heading ('Schedule 2 - Service Levels')."""
    clause = hit.sentence.clause
    around = [s.text for s in neighbours(hit.sentence, 1)] + [(clause.heading or "") if clause else ""]
    return any(IMPLICIT_TARGET.search(t) for t in around)


def _nearby_percent(hit: Hit) -> float | None:
    """The availability level in a remedy's neighbourhood ('Less than 99.9% ... | 10%'), if any."""
    for sent in neighbours(hit.sentence, 1):
        for m in PERCENT.finditer(sent.text):
            if 90 <= float(m.group(1)) < 100:
                return float(m.group(1))
    return None


# what the remedy is called varies with the drafting tradition: "compensation" (Korean, Japanese),
# "penalties" (French, Italian), "liquidated damages" (common law)
CREDIT_WORD = rx(
    r"\bcredit|\brebate|\breduction|\babatement|\bcompensation|\bpenalt(?:y|ies)|liquidated\s+damages"
)


def _next_in_heading(sentence: Sentence, count: int) -> list[Sentence]:
    """The next `count` sentences under the same clause or the same heading: list items '(a)', '(b)' of
    one section ('B-5. Remedy') carry separate numbers but one subject."""
    sents = doc_sentences(sentence.doc)
    idx = sentence_index(sentence)
    if idx is None:
        return []
    heading = sentence.clause.heading if sentence.clause is not None else None
    return [
        s
        for s in sents[idx + 1 : idx + 1 + count]
        if s.clause is sentence.clause or (heading and s.clause is not None and s.clause.heading == heading)
    ]


def _credit_cap(remedies: list[Hit], ctx: ReviewContext) -> tuple[float | None, Hit | None]:
    """The cap on credits, in a remedy's sentence or the next one of the same clause ('Notwithstanding
    the foregoing, credits shall not exceed, in aggregate, two percent (2%) of the monthly fee'); where another
    document restates the cap ('3.4 Service Level Remedies (modifies MSA Section 8.3). The monthly cap on Service
    Credits is fifteen percent (15%)'), the more specific or prevailing document's cap decides."""
    sentences_ = [
        sent
        for h in remedies
        for sent in [h.sentence, *(s for s in _next_in_heading(h.sentence, 10) if CREDIT_WORD.search(s.text))]
    ]
    first = next(((pct, s) for s in sentences_ if (pct := _cap_in(s.text)) is not None), None)
    if first is None:
        # "The total service credits in a calendar month shall not exceed DKK 1,500": a cap in money, read as a
        # share of the monthly fee the family states
        first = next(
            ((pct, s) for s in sentences_ if (pct := _money_cap_percent(s.text, ctx)) is not None), None
        )
    if first is None:
        # "shall not exceed, in total, an amount equal to one (1) day's Subscription Fees": a cap in days of fees, read
        # as a share of a 30-day month
        first = next(((pct, s) for s in sentences_ if (pct := _days_cap_percent(s.text)) is not None), None)
    if first is not None:
        first = _words_replaced(first, ctx)
    values: list[tuple[float, Hit]] = [(first[0], Hit(first[1], "cap", 0, 0, None, "ok"))] if first else []
    # ("Notwithstanding anything in the SLA Schedule, the aggregate Service Credits ... shall not exceed five per
    # cent", against the schedule's 15% "subject always to Clause 6.3 of the Agreement": the override stands)
    if values and not re.search(r"\bnotwithstanding\s+anything\b", values[0][1].sentence.text, re.I):
        stated = [
            h
            for h in ok(scan(ctx, "cap", CAP_STATED, actors=None))
            if h.sentence.doc.id != values[0][1].sentence.doc.id
        ]
        values += [
            (pct, h)
            for h in stated
            if (pct := _cap_in(h.sentence.text)) is not None
            and not re.search(r"\bsubject\s+(?:always\s+)?to\s+(?:clause|section)\b", h.sentence.text, re.I)
        ]
    value, hit, _ = pick_value(values, "first")
    return value, hit


# 'In paragraph 4 of Schedule 3, the words "five per cent (5%)" are replaced by the words "fifteen per cent (15%)"'
_WORDS_REPLACED = re.compile(
    r"\bwords?\s+[\"“](?P<old>[^\"”\n]{1,60})[\"”]\s+(?:are|is|shall\s+be)\s+(?:hereby\s+)?(?:replaced|substituted)\s+"
    r"(?:by|with)\s+(?:the\s+words?\s+)?[\"“](?P<new>[^\"”\n]{1,60})[\"”]",
    re.I,
)


def _words_replaced(found: tuple[float, Sentence], ctx: ReviewContext) -> tuple[float, Sentence]:
    """The cap as another clause rewrites it word for word, where the words it replaces are the cap's own."""
    pct, sent = found
    flat = " ".join(sent.text.split())
    for other in family_sentences(ctx):
        for m in _WORDS_REPLACED.finditer(" ".join(other.text.split())):
            new = PERCENT_ANY.search(m.group("new"))
            if m.group("old") in flat and new is not None and PERCENT_ANY.search(m.group("old")):
                value = float(new.group(1))
                return (int(value) if value.is_integer() else value), other
    return pct, sent


PERCENT_ANY = re.compile(rf"(\d{{1,3}}(?:\.\d+)?){_PCT}", re.I)


# "The monthly cap on Service Credits is fifteen percent (15%)": a cap stated on its own
CAP_STATED = rx(
    r"\bcap\s+on\s+(?:the\s+)?(?:[\w-]+\s+)?(?:service\s+)?credits\b|\bcredits?\b[^.;]{0,60}\b(?:will|shall)\s+not\s+exceed\b"
)


_AMOUNT = r"\d{1,3}(?:[,.' ]\d{3})+(?:\.\d{2})?|\d+(?:\.\d{2})?"
CAP_MONEY = rx(
    r"(?:not\s+exceed|capped\s+at|maximum\s+(?:of\s+)?|limited\s+to|cap\s+of)\s*"
    rf"(?:(?:[A-Z]{{3}}|[A-Z]{{1,3}}\$|[$€£])\s*(?P<amt>{_AMOUNT})\b|(?P<amt2>{_AMOUNT})\s*(?-i:[A-Z]{{3}})\b|"
    # the sum in words, then in figures: "one thousand three hundred and fifty Eastern Caribbean dollars (EC$1,350.00)"
    rf"(?:[\w-]+\s+){{1,12}}?\(\s*(?:[A-Z]{{3}}|[A-Z]{{1,3}}\$|[$€£])\s*(?P<amt3>{_AMOUNT})\s*\))"
)
# "Operation fee per month, four trawlers ... | 46,500", "a monthly subscription fee of USD 12,400"
MONTHLY_FEE = rx(
    r"\b(?:fees?|charges?|price|subscription)\b[^.\n]{0,80}?\b(?:per\s+month|monthly|a\s+month|each\s+month)\b|"
    r"\bmonthly\s+(?:[\w-]+\s+){0,2}?(?:fees?|charges?|price|subscription)\b"
)


def _money(text: str) -> float:
    """'46,500' -> 46500.0, "1'250.00" -> 1250.0, '1.500' -> 1500.0."""
    grouped = re.fullmatch(r"(\d{1,3}(?:[,.' ]\d{3})+)(?:\.(\d{2}))?", text.strip())
    if grouped:
        return float(
            re.sub(r"\D", "", grouped.group(1)) + (f".{grouped.group(2)}" if grouped.group(2) else "")
        )
    return float(text.replace(",", ""))


def _monthly_fee(ctx: ReviewContext) -> float | None:
    """The largest monthly fee the family states, in a sentence or a table row, if any."""
    amounts = []
    for doc in ctx.documents:
        lines = doc.text.splitlines()
        for i, line in enumerate(lines):
            fee = MONTHLY_FEE.search(line)
            if fee is not None:
                found = [_money(m.group(0)) for m in re.finditer(_AMOUNT, line[fee.start() :])]
                if not found and i + 1 < len(lines) and line.strip():
                    # a fixed-width line wrapped before the sum: "the Monthly Charges at the Effective Date are" /
                    # "EC$27,000.00 for the three Sites"
                    found = [_money(m.group(0)) for m in re.finditer(_AMOUNT, lines[i + 1])]
                amounts += found
    amounts = [a for a in amounts if a >= 100]
    return max(amounts) if amounts else None


def _money_cap_percent(text: str, ctx: ReviewContext) -> int | None:
    m = CAP_MONEY.search(text)
    fee = _monthly_fee(ctx) if m else None
    if m is None or not fee:
        return None
    cap = _money(m.group("amt") or m.group("amt2") or m.group("amt3"))
    return round(100 * cap / fee) if cap < fee else None


CAP_DAYS = rx(
    r"(?:not\s+exceed|capped\s+at|maximum\s+(?:of\s+)?|limited\s+to|cap\s+of)[^.;]{0,40}?\b"
    r"(?P<n>[\w-]+(?:\s*\(\d+\))?)\s+(?:calendar\s+)?days?(?:['’]s?)?\s+(?:worth\s+of\s+)?(?:the\s+)?(?:[\w-]+\s+)?(?:fees?|charges?)\b"
)


def _days_cap_percent(text: str) -> float | None:
    m = CAP_DAYS.search(text)
    days = parse_number(m.group("n")) if m else None
    if days is None or not 0 < days < 30:
        return None
    return round(100 * days / 30, 1)


# "shall not exceed one-twentieth (1/20th) of the monthly portion of the Annual Subscription Fee": a cap as a fraction
_FRACTIONS = {
    "half": 2,
    "third": 3,
    "quarter": 4,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "eighth": 8,
    "tenth": 10,
    "twelfth": 12,
    "twentieth": 20,
    "fiftieth": 50,
}
CAP_FRACTION = rx(
    r"(?:not\s+exceed|capped\s+at|maximum\s+(?:of\s+)?|up\s+to|limited\s+to|cap\s+of)\s*(?:an?\s+amount\s+equal\s+to\s+)?"
    rf"(?:one[-\s]+(?P<word>{'|'.join(_FRACTIONS)})\b|\(?1\s*/\s*(?P<den>\d{{1,3}})(?:st|nd|rd|th)?\)?\s+of\b)"
)


# "The aggregate of all Service Credits in any Fund Year shall not exceed ... fifty per cent (50%) of one Monthly Fee": a
# yearly cap on a share of one month's fee is a twelfth of that share of each month's
_YEARLY_CAP_OF_ONE_MONTH = rx(
    r"\b(?:in\s+any|per|each|in\s+each|for\s+any)\s+(?:[\w-]+\s+)?year\b[^.;]{0,120}?\bof\s+(?:one|a\s+single|1)\s+"
    r"(?:\(1\)\s+)?(?:month(?:'s|’s)?|monthly)\s+(?:[\w-]+\s+)?(?:fees?|charges?)\b"
)


def _cap_in(text: str) -> int | float | None:
    m = CAP.search(text)
    if m:
        pct = float(m.group("pct"))
        if _YEARLY_CAP_OF_ONE_MONTH.search(text):
            pct = round(pct / 12, 1)
        return int(pct) if pct.is_integer() else pct
    w = CAP_WORDS.search(text)
    if w:
        return parse_number(w.group("pct"))
    f = CAP_FRACTION.search(text)
    if f is None:
        return None
    den = _FRACTIONS[f.group("word").lower()] if f.group("word") else int(f.group("den"))
    if not den:
        return None
    pct = round(100 / den, 1)
    return int(pct) if pct.is_integer() else pct


FAILURE = rx(
    r"\bfail\w*|\bmiss\w*|\bbelow\b|\bnot\s+(?:be\s+)?(?:met|achieved|attained)|\bfalls?\s+short|\bunavailab\w*|"
    r"\bdowntime|\boutages?\b|\bbreach\w*"
)


def _disclaimed(targets: list[Hit]) -> bool:
    """'We do not offer service levels or uptime commitments': the vendor disclaims service levels."""
    return any(h.verdict == "negated" and SLA_TOPIC.match(h.sentence.text, h.start) for h in targets)


# "usage statistics (such as page views, search volumes and response times)": what is measured, not promised
MEASURED = rx(
    r"\b(?:statistics|metrics|telemetry|analytics|usage\s+(?:data|information))\b[^.;]{0,20}?\(?\s*"
    r"(?:such\s+as|including|e\.g\.|for\s+example)\b[^.;)]{0,80}$"
)


def _measured_only(hit: Hit) -> bool:
    """A response time named among the metrics the vendor collects is no service level."""
    return bool(MEASURED.search(hit.sentence.text[max(0, hit.start - 160) : hit.start]))


def _has_value(hit: Hit) -> bool:
    """A target that states its level: a percentage or a time ('99.9%', 'within 4 hours')."""
    text = hit.sentence.text
    return bool(PERCENT.search(text)) or bool(find_durations(text))


# "If there is any conflict ..., except in relation to service levels": a sentence that names service levels in
# passing shows less than one that states a level
_PASSING = rx(r"\bconflict|\bprevail|\bprecedence|\bmeans\b|\bchange\s+requests?|\bvariations?\b")
# "These figures are objectives, not commitments": the words that make a stated level a mere target
NOT_COMMITTED = rx(
    r"\b(?:targets?|goals?|objectives?|aims?)\b[^.;]{0,40}?\b(?:only|not\s+(?:a\s+|an\s+)?(?:guarantees?|commitments?|"
    r"warrant(?:y|ies)|binding))\b|\bnot\s+(?:constitute\s+)?(?:a\s+)?breach\b|\bno\s+(?:liability|remedy)\b"
)


def _target_rank(hit: Hit) -> tuple[int, bool]:
    """Which target sentence to quote: a stated level ('99.9% of the time') before a response time, before a
    sentence that only names service levels; never first a precedence or change-request sentence; and a level
    promised before a level that triggers something when missed ('availability below 98% in two months')."""
    text = hit.sentence.text
    failure = bool(FAILURE.search(text))
    if _PASSING.search(text):
        return 3, failure
    m = PERCENT.search(text)
    if m and 50 <= float(m.group(1)) <= 100:
        return 0, failure
    return (1 if find_durations(text) else 2), failure


def _not_committed(targets: list[Hit]) -> list[Hit]:
    """The sentence beside a target that says it is only a target ('This is a target, not a guarantee'); below a
    table of targets, whose rows are sentences of their own, it may come a few sentences on."""
    for h in targets:
        for sent in neighbours(h.sentence, 5 if "|" in h.sentence.text else 2):
            if sent is not h.sentence and NOT_COMMITTED.search(sent.text):
                return [Hit(sent, "target", 0, 0, None, "ok")]
    return []


@register("service_credits")
def service_credits(req: Requirement, ctx: ReviewContext) -> Finding:
    """Availability/response targets with credits or other remedies; weak without remedy or trivial cap."""
    targets = [
        h for h in scan(ctx, "target", TARGET, actors=None) if not _to_be_agreed(h) and not _measured_only(h)
    ]
    remedies = [h for h in scan(ctx, "remedy", REMEDY, actors=None) if _sla_remedy(h)]
    granted_t, granted_r = ok(targets), ok(remedies)
    if any(h.verdict == "negated" and _sla_remedy(h) for h in remedies):
        # "no service credits, refunds or other compensation apply if it is not met": only a remedy that
        # itself names the failure survives ("fees reduced for the winter months" is a discount)
        granted_r = [h for h in granted_r if FAILURE.search(h.sentence.text)]
    if _disclaimed(targets):
        granted_t = [h for h in granted_t if _has_value(h)]
    params: dict[str, int | float | str | bool | None] = {}
    for h in sorted(granted_t, key=_target_rank):
        m = PERCENT.search(h.sentence.text)
        if m and 50 <= float(m.group(1)) <= 100:
            params["availability_percent"] = float(m.group(1))
            break
    cap, cap_hit = _credit_cap(granted_r, ctx)
    if cap is not None:
        params["cap_percent"] = cap
    # (a sentence that only points elsewhere, "are governed exclusively by the Service Level Agreement", too)
    pointers = [h for h in targets + remedies if h.verdict == "reference"]
    if "availability_percent" not in params and (granted_t or granted_r or pointers):
        unclear = unclear_reference(ctx, req, granted_t + granted_r + pointers)
        if unclear is not None:  # the credits exist, but their targets are in a schedule not provided
            return to_finding(req, unclear)
    if not granted_t:
        # "credit 5% of the fee for each hour the Service is unavailable": the target is implied
        granted_t = [h for h in granted_r if _implied_target(h)][:1]
        if granted_t and "availability_percent" not in params:
            params["availability_percent"] = _nearby_percent(granted_t[0])
    weak = [] if granted_r else ["targets are stated with no credit or other remedy"]
    shown = sorted(granted_t, key=_target_rank)[:1]
    where = (shown or granted_r)[0] if shown or granted_r else None
    # the evidence shows what decides: the level, its remedy and the cap on it, or the words that deny a remedy
    deciding = [cap_hit] if cap_hit is not None else []
    if not granted_r:
        deciding = [h for h in remedies if h.verdict == "negated"][:1] or _not_committed(granted_t)
    out = decide(
        req,
        shown + granted_r[:1] + deciding if granted_t else [],
        weak=weak,
        params=params,
        present_reason=f"Service levels with remedies ({where.sentence.where if where else ''}).",
        rejected=[h for h in targets + remedies if not h.ok],
        ctx=ctx,
        missing_reason="No availability or response targets are stated.",
    )
    return to_finding(req, out)
