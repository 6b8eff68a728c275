"""The legal concepts of the CUAD categories, written as sentence rules (see `extractors.cuad_rules`).

Each category lists the phrasings by which a contract grants the right or imposes the obligation, and
the look-alikes that do not (CUAD's lawyers label what a clause really grants, not every keyword).
"""

from __future__ import annotations

from extractors.cuad_rules import CategoryRules, SentenceRule, rx
from extractors.cuad_terms import (
    NOTICE_TO_TERMINATE_RENEWAL,
    POST_TERMINATION_SERVICES,
    RENEWAL_TERM,
    TERMINATION_FOR_CONVENIENCE,
)

GOVERNING_LAW = CategoryRules(
    category="Governing Law",
    prefilter=rx(r"\blaws?\b|\blegislation|\bregulations"),
    rules=(
        SentenceRule(
            "governed_by",
            cue=rx(
                r"\b(?:govern(?:ed|s|ing)?|constru(?:ed|e)|interpret(?:ed)?|enforced|subject\s+to)\b"
                r".{0,200}?\b(?:laws?|legislation|regulations)\b"
                r"|\b(?:laws?|legislation)\b.{0,150}?\b(?:shall|will)\s+(?:govern|apply|prevail)"
                r"|\bin\s+accordance\s+with\s+the\s+laws\s+of\s+(?:the\s+)?[A-Z]"
            ),
            exclude=(rx(r"\bprincipal\s+place\s+of\s+business|\bcomply\s+with|\bcompliance"),),
        ),
        SentenceRule("governing_law_heading", cue=rx(r"\bgoverning\s+law\b.{0,80}\blaws?\s+of\b")),
    ),
)

ANTI_ASSIGNMENT = CategoryRules(
    category="Anti-Assignment",
    prefilter=rx(r"\bassign|\btransfer|\bdelegat|\bnovat"),
    rules=(
        SentenceRule(
            "consent_to_assign",
            cue=rx(r"\b(?:assign\w*|transfer\w*|delegat\w*|novat\w*)\b"),
            must=(
                rx(
                    r"\b(?:consent|approv\w+|permission|shall\s+not|may\s+not|will\s+not|must\s+not|cannot|"
                    r"not\s+be\s+(?:assign|transfer)\w*|not\s+assignable|neither\s+party|without\s+the\s+prior|"
                    r"prior\s+written\s+notice|void|null|unauthori[sz]ed|in\s+violation|derogation|"
                    r"terminat\w*\s+(?:\S+\s+){0,4}?in\s+the\s+event\s+of\s+its)"
                ),
                rx(
                    r"\b(?:(?:this|the)\s+(?:\S+\s+){0,2}?(?:agreement|contract)|its\s+rights|"
                    r"rights\s+(?:or|and)\s+obligations|obligations\s+(?:hereunder|under\s+this)|hereunder|"
                    r"the\s+licen[cs]e|its\s+duties|duties\s+under|not\s+assignable|its\s+\W?assignment)"
                ),
            ),
        ),
    ),
)

INSURANCE = CategoryRules(
    category="Insurance",
    prefilter=rx(r"\binsur"),
    rules=(
        SentenceRule(
            "maintain_insurance",
            cue=rx(r"\binsurance\b|\binsured\b|\binsurer"),
            must=(
                rx(
                    r"\b(?:maintain|carry|carries|obtain|procure|keep|purchase|acquire|arrange|have|provide)\w*\s+"
                    r"(?:\S+\s+){0,8}?(?:insurance|insured|coverage|polic(?:y|ies))|"
                    r"\binsurance\s+(?:\S+\s+){0,6}?(?:coverage|polic(?:y|ies)|limits?|in\s+(?:the\s+)?amounts?)|"
                    r"\badditional\s+insured|\bcertificates?\s+of\s+insurance|\binsurance\s+requirements"
                ),
            ),
            exclude=(
                rx(
                    r"\bno\s+extra\s+insurance|\binsurance\s+(?:laws|carriers|compan(?:y|ies)\s+act)|"
                    r"\bnational\s+insurance|\bsocial\s+security"
                ),
            ),
            must_not_negate=True,
        ),
    ),
)

_GRANTS_ACCESS = (
    r"\b(?:right|may|entitled|permit\w*|allow\w*|make\s+(?:\S+\s+){0,6}?available|provide\s+(?:\S+\s+){0,3}?access|"
    r"access\s+to|cooperat\w+|upon\s+(?:\S+\s+){0,3}?(?:notice|request)|during\s+(?:normal|regular|ordinary)\s+business\s+hours|"
    r"at\s+(?:its|their)\s+(?:own\s+)?(?:expense|cost)|conduct\w*|"
    r"open\s+(?:\S+\s+){0,2}?(?:for|to)\s+(?:inspection|examination|audit))\b"
)
_NOT_AUDIT = (
    r"\b(?:un)?audited\s+(?:\S+\s+){0,2}?(?:financial|balance|statements?|accounts|fiscal|results)|\baudit\s+committee|\bauditing\s+(?:principles|standards|firm|controls)|\bmeans\b|"
    r"\bprospectus|\bregistration\s+statement|\bdisclosed\s+to"
)

AUDIT_RIGHTS = CategoryRules(
    category="Audit Rights",
    prefilter=rx(r"\baudit|\binspect|\bexamin|\breview"),
    rules=(
        SentenceRule(
            "audit",
            cue=rx(r"\baudit(?:s|ing)?\b"),
            must=(rx(_GRANTS_ACCESS),),
            exclude=(rx(_NOT_AUDIT),),
            must_not_negate=True,
        ),
        SentenceRule(
            "inspect_records",
            cue=rx(r"\b(?:inspect\w*|examin\w*|review|audit\w*|access\s+to|copies\s+of)\b"),
            must=(
                rx(r"\b(?:books|records|accounts|facilit\w+|premises|plants?|sites?|locations?)\b"),
                rx(_GRANTS_ACCESS),
            ),
            exclude=(rx(_NOT_AUDIT),),
            must_not_negate=True,
        ),
    ),
)

_LIMITS = (
    r"\b(?:shall|will|may)\s+not\s+(?:\S+\s+){0,3}?exceed|\bnot\s+(?:to\s+)?exceed|\bin\s+excess\s+of|(?<!not\s)\blimited\s+to|"
    r"\blimited\s+(?:\S+\s+){1,4}?to\s+(?:an?\s+)?(?:amount|the|\$|sum)|"
    r"\bcap(?:ped)?\b|\bmaximum\s+(?:aggregate\s+|total\s+|cumulative\s+)?(?:liability|amount)|"
    r"\b(?:more|greater)\s+than\s+(?:the\s+)?(?:\S+\s+){0,4}?(?:amount|fees|sum|total|\$)|\bexceed\w*\s+(?:the\s+)?(?:\S+\s+){0,4}?"
    r"(?:amount|fees|sum|total|aggregate|\$|price)"
)
_NOT_CAP = (
    r"\binsurance|\bcoverage|\bper\s+occurrence|\bpolic(?:y|ies)|\bbeyond\s+(?:its|the|their|such\s+party's)\s+"
    r"(?:reasonable\s+)?control|\bacts?\s+of\s+god|\bforce\s+majeure|\blimited\s+liability\s+company"
)

CAP_ON_LIABILITY = CategoryRules(
    category="Cap On Liability",
    prefilter=rx(r"\bliab|\bdamages|\bclaim|\baction|\bsuit|\bremed|\brecourse"),
    rules=(
        SentenceRule(
            "amount_cap",
            cue=rx(r"\b(?:liabilit\w*|liable|damages|recover\w*|responsibilit\w*)\b"),
            must=(rx(_LIMITS),),
            exclude=(rx(_NOT_CAP),),
        ),
        SentenceRule(
            "consequential_exclusion",
            cue=rx(
                r"\b(?:consequential|incidental|indirect|special|punitive|exemplary)\b|\blost\s+profits?|\bloss\s+of\s+profits?"
            ),
            must=(
                rx(r"\b(?:liab\w*|damages|recover\w*|losses)\b"),
                rx(
                    r"\b(?:no|not|neither|nor|never|in\s+no\s+event|under\s+no\s+circumstances|excluded|waive[sd]?|"
                    r"disclaim\w*)\b"
                ),
            ),
            exclude=(rx(_NOT_CAP),),
        ),
        SentenceRule(
            "exclusive_remedy",
            cue=rx(
                r"\bsole\s+and\s+exclusive\s+remed|\bexclusive\s+remed|\blimited\s+recourse|\bnon-?recourse"
            ),
            must_not_negate=True,
        ),
        SentenceRule(
            "claims_time_bar",
            cue=rx(
                r"\b(?:action|claim|suit|proceeding)s?\b.{0,120}\bbrought\b|\bbring\w*\b.{0,80}\b(?:action|claim)"
            ),
            must=(rx(r"\b(?:within|more\s+than|after)\b.{0,60}\b(?:years?|months?|days?)\b"),),
        ),
    ),
)

_COC_EFFECT = r"\b(?:terminat\w*|consent|approv\w*|notif\w*|notice|deemed|treated\s+as|constitute)"
_INSOLVENCY = r"\b(?:benefit\s+of\s+(?:its\s+)?creditors|bankrupt\w*|insolven\w*|receiver|trustee)"

# A change of control that accelerates equity awards or that a compensation committee rules on belongs to an
# incentive plan: it says nothing about whether the contract itself survives the change.
_INCENTIVE_PLAN = r"\b(?:compensation|remuneration)\s+committee|\bstock\s+options?\b|\bvest\w*|\bequity\s+(?:awards?|incentive)"

# Look-alikes that name a merger or an acquisition without making the contract depend on it: a regulator
# approving a party's own merger, a shareholder's standstill (no tender offers, proxy contests or merger
# proposals), information "acquired" by a party, an interest passing on its owner's death.
_REGULATORY = (
    r"\bapplications?\s+(?:for|to)\s+(?:\w+\s+){0,2}(?:approv|merge|acqui)|\bmerger\s+application|"
    r"\b(?:regulatory|governmental|government|competent)\s+(?:approv|authorit|agenc|administration)|"
    r"\bapproval\s+authority|\bantitrust|\bmerger\s+control\s+laws?|\bhart-scott"
)
_STANDSTILL = (
    r"\btender\s+(?:\(?or\s+exchange\)?\s+)?offer|\bexchange\s+offer|\bprox(?:y|ies)\b|"
    r"\bsolicit\w*\s+(?:of\s+)?(?:prox|consent)"
)
_NOT_A_PARTY_ACQUIRED = (
    r"\b(?:information|data|knowledge|know-how)\b.{0,60}\bacquired\b|\bacquired\s+(?:or\s+received|from)\b|"
    r"\bdeath\b|\bincapacity\b"
)
# NOTE: a capitalised "the Merger" is a defined term for the one transaction the document itself carries out
# (affiliate and support letters), not a future change of control of a contracting party.
_THE_DEAL = r"(?-i:\b(?:the|post-)\s*Merger\b)"

# The corporate events the category is about, as an assignment clause names them.
_COC_EVENT = (
    r"\bmerge[drs]?\b|\bmergers?\b|\bconsolidat\w+|\bchange\s+(?:of|in)\s+(?:the\s+)?control|"
    r"\bsubstantially\s+all|\bacqui\w+|\breorgani[sz]\w+|\bsale\s+of\s+(?:\w+\s+){0,3}(?:business|assets|stock|shares)"
)
# An assignment clause's carve-out that lets a party assign on a merger without the other's consent frees the
# change of control instead of conditioning it, whether stated as a permission ("either party may assign ...
# to a successor by merger"), an exception ("... without consent, except in connection with a merger") or a
# waiver ("... by merger does not require the other's consent").
_MAY_ASSIGN = (
    # the clause that grants it has no negated subject ("neither party nor its affiliates may assign")
    r"(?:^|[,;:(])(?:(?!\b(?:neither|nor|no|not)\b)[^,;:(.]){0,120}?"
    r"\b(?:may|can|shall\s+be\s+(?:permitted|entitled|free)\s+to|(?:is|are)\s+(?:permitted|entitled|free)\s+to|"
    r"(?:has|have|shall\s+have)\s+the\s+right\s+to)"
    r"(?:\s*,[^,;]{0,100},|\s*\([^)]{0,100}\)|\s+(?!not\b|never\b|only\b|be\b)\w+,?){0,3}"
    r"\s+(?:freely\s+)?(?:assign|transfer)"
)
_MAY_BE_ASSIGNED = (
    r"\b(?:except|provided|however|notwithstanding)\b[^.;]{0,80}?"
    r"\bmay\s+be\s+(?:freely\s+)?(?:assigned|transferred)"
)
_EXCEPT_ON_EVENT = (
    r"\b(?:assign|transfer)\w*\b[^.;]{0,250}?,\s*(?:except|other\s+than|save)\s+"
    r"(?!as\b|that\s+(?:\w+\s+){0,3}may\s+not)(?!(?:with|upon)\s+(?:the\s+)?(?:\S+\s+){0,3}(?:consent|approval))"
    r"[^.;]{0,30}?\b(?:in|by|to|as|upon|pursuant)\b"
)
_CONSENT_WAIVED = (
    r"\b(?:no|not)\s+(?:such\s+)?(?:\w+\s+){0,3}(?:consent|approval)\s+(?:\S+\s+){0,4}?(?:is|be)\s+required|"
    r"\b(?:does|do|shall|will)\s+not\s+require\s+(?:\S+\s+){0,4}?(?:consent|approval)|"
    r"\b(?:consent|approval)\s+(?:\S+\s+){0,4}?(?:is|be)\s+not\s+(?:be\s+)?required"
)
# A carve-out still answers the question when, after it, the counterparty keeps a say: notice of the
# assignment, its consent for an assignee that competes with it, a termination right.
_CONDITION_KEPT = (
    r"\bnotice\b|\bnotif\w*|\bcompetit\w+|\bterminat\w*|"
    r"\b(?:consent|approval)\s+(?:\S+\s+){0,6}?(?:shall|will|is|be)\s+(?:be\s+)?(?:required|necessary)|"
    r"\bsubject\s+to\s+(?:the\s+)?(?:\S+\s+){0,3}(?:consent|approval)"
)
_FREED_BY_CARVE_OUT = (
    rf"(?:(?:{_MAY_ASSIGN}|{_MAY_BE_ASSIGNED}|{_EXCEPT_ON_EVENT}|{_CONSENT_WAIVED})(?=.*?(?:{_COC_EVENT}))|"
    rf"(?:{_COC_EVENT}).*?(?:{_CONSENT_WAIVED}))(?!.*?(?:{_CONDITION_KEPT}))"
)
# "no merger ... shall be deemed an assignment", "nor shall a change of control be deemed ..." (but not "no
# party may assign ..., and a change of control shall be deemed an assignment")
_NOT_DEEMED_ASSIGNMENT = (
    r"\b(?:no|nor|not|never)\b(?:(?!\b(?:may|must|agrees?|and\s+(?:any|each|every|a))\b)[^;:]){0,200}?"
    r"\b(?:deemed|considered|treated\s+as)\s+(?:to\s+be\s+)?(?:an?\s+)?(?:assignment|transfer)"
)

# What vetoes a sentence that names a change of control without making the contract depend on it.
_NAMED_NOT_CONDITIONED = (
    rx(_INCENTIVE_PLAN),
    rx(_FREED_BY_CARVE_OUT + "|" + _NOT_DEEMED_ASSIGNMENT),
    rx(_REGULATORY + "|" + _NOT_A_PARTY_ACQUIRED),
)

CHANGE_OF_CONTROL = CategoryRules(
    category="Change Of Control",
    prefilter=rx(r"\bcontrol|\bownership|\bmerge|\bacqui|\bsubstantially\s+all|\bshareholding"),
    rules=(
        SentenceRule(
            # a merger or change of control that counts as an assignment falls under the assignment clause's
            # consent requirement, whatever else the sentence frees; "shall not be deemed an assignment" frees it
            "deemed_assignment",
            cue=rx(
                r"\b(?:deemed|considered|treated\s+as|constitutes?)\s+(?:to\s+(?:be|constitute)\s+)?(?:an?\s+)?"
                r"(?:assignment|transfer)"
            ),
            must=(rx(_COC_EVENT + r"|\bownership|\bcontrolling\s+interest"),),
            exclude=(rx(_NOT_DEEMED_ASSIGNMENT),),
            must_not_negate=True,
        ),
        SentenceRule(
            "change_of_control",
            cue=rx(
                r"\bchange\s+(?:of|in)\s+(?:the\s+)?(?:[\w,]+\s+){0,5}?(?:control|ownership|shareholding)|"
                r"\b(?:ownership|control)\s+change|\bcontrolling\s+(?:interest|shareholder)|"
                r"\b(?:is|be|becomes?)\s+acquired\b|\bacquires?\s+(?:\w+\s+){0,3}control"
            ),
            must=(rx(_COC_EFFECT),),
            exclude=(
                rx(r"\bis\s+under\s+common\s+control|\bcontrolled\s+by\b|\bmeans\b|\bcontrol\s+period\b"),
                *_NAMED_NOT_CONDITIONED,
            ),
            must_not_negate=True,
        ),
        SentenceRule(
            # a change of control named as the trigger of any consequence (termination, payment, licences)
            "change_of_control_trigger",
            cue=rx(
                r"\b(?:in\s+the\s+event\s+(?:of|that)|in\s+(?:the\s+)?case\s+of|upon|following|if|after|"
                r"as\s+a\s+result\s+of|undergoes|occurrence\s+of)\s+(?:\S+\s+){0,3}?['\"\u201c]?"
                r"change\s+(?:of|in)\s+(?:the\s+)?control"
            ),
            exclude=(
                rx(r"\bmeans\b|\bcontrol\s+period\b"),
                *_NAMED_NOT_CONDITIONED,
            ),
            must_not_negate=True,
        ),
        SentenceRule(
            # an item of a list of events ("(b) a Change of Control of Supplier;"): such lists enumerate the
            # grounds of a termination right or a default, which their lead-in sentence states
            "change_of_control_listed_event",
            cue=rx(
                r"^\s*\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s+(?:\S+\s+){0,12}?(?:change\s+(?:of|in)\s+(?:the\s+)?"
                r"(?:\w+\s+){0,2}?(?:control|ownership)\b(?!\s+(?:systems?|software|procedures?|measures?|tests?)\b)|"
                r"sells?\s+(?:a\s+)?controlling\s+interest)"
            ),
            exclude=(rx(r"\bmeans\b|\bcontrol\s+period\b"), rx(_INCENTIVE_PLAN), rx(_FREED_BY_CARVE_OUT)),
            max_chars=400,
        ),
        SentenceRule(
            # a merger or sale of the business (or of a majority of the shares) that needs consent or notice,
            # gives a termination right, or makes an assignment void
            "merger_consent_or_termination",
            cue=rx(
                r"\bmerger\b|\bmerge[sd]?\s+(?:with|into)\b|\bconsolidat\w+\s+(?:with|into)|\bsubstantially\s+all\s+(?:of\s+)?"
                r"(?:its|the|their|such\s+party's)\s+(?:\w+\s+){0,2}(?:assets|business|stock|shares)|"
                r"\b(?:fifty|50)\s*(?:\(50\)\s*)?(?:percent|%)\s+(?:\w+\s+){0,4}(?:voting|equity|stock|shares|interest)|"
                r"\bmajority\s+of\s+(?:\S+\s+){0,3}(?:equity|voting|stock|shares|securities|capital|assets)"
            ),
            must=(rx(_COC_EFFECT + r"|\bvoid\b"),),
            exclude=(
                rx(_INSOLVENCY),
                rx(_INCENTIVE_PLAN),
                rx(r"\bmeans\b"),
                rx(r"\bjudgment|\bentire\s+agreement|\bprior\s+(?:negotiations|agreements|understandings)"),
                rx(_FREED_BY_CARVE_OUT + "|" + _NOT_DEEMED_ASSIGNMENT),
                rx(_REGULATORY + "|" + _STANDSTILL),
                rx(_THE_DEAL),
            ),
        ),
    ),
)

# A party holds a termination right: "X may terminate", "may be terminated by either party", ...
CATEGORIES: dict[str, CategoryRules] = {
    "audit_rights": AUDIT_RIGHTS,
    "post_termination_services": POST_TERMINATION_SERVICES,
    "termination_for_convenience": TERMINATION_FOR_CONVENIENCE,
    "renewal_term": RENEWAL_TERM,
    "notice_period_to_terminate_renewal": NOTICE_TO_TERMINATE_RENEWAL,
    "cap_on_liability": CAP_ON_LIABILITY,
    "insurance": INSURANCE,
    "change_of_control": CHANGE_OF_CONTROL,
    "anti_assignment": ANTI_ASSIGNMENT,
    "governing_law": GOVERNING_LAW,
}
