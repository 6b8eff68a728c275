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

CHANGE_OF_CONTROL = CategoryRules(
    category="Change Of Control",
    prefilter=rx(r"\bcontrol|\bownership|\bmerge|\bacqui|\bsubstantially\s+all|\bshareholding"),
    rules=(
        SentenceRule(
            "change_of_control",
            cue=rx(
                r"\bchange\s+(?:of|in)\s+(?:the\s+)?(?:[\w,]+\s+){0,5}?(?:control|ownership|shareholding)|"
                r"\b(?:ownership|control)\s+change|\bcontrolling\s+(?:interest|shareholder)|"
                r"\b(?:is|be|becomes?)\s+acquired\b|\bacquires?\s+(?:\w+\s+){0,3}control"
            ),
            must=(rx(_COC_EFFECT),),
            exclude=(
                rx(r"\bis\s+under\s+common\s+control|\bcontrolled\s+by\b|\bmeans\b|\bperiod\b"),
                rx(_INCENTIVE_PLAN),
            ),
            must_not_negate=True,
        ),
        SentenceRule(
            # a change of control named as the trigger of any consequence (termination, payment, licences)
            "change_of_control_trigger",
            cue=rx(
                r"\b(?:in\s+the\s+event\s+(?:of|that)|upon|following|if|after|as\s+a\s+result\s+of|undergoes|"
                r"occurrence\s+of)\s+(?:\S+\s+){0,3}?['\"\u201c]?change\s+(?:of|in)\s+(?:the\s+)?control"
            ),
            exclude=(rx(r"\bmeans\b|\bperiod\b"), rx(_INCENTIVE_PLAN)),
            must_not_negate=True,
        ),
        SentenceRule(
            "merger_consent_or_termination",
            cue=rx(
                r"\bmerger\b|\bmerge[sd]?\s+(?:with|into)\b|\bconsolidat\w+\s+(?:with|into)|\bsubstantially\s+all\s+(?:of\s+)?"
                r"(?:its|the|their|such\s+party's)\s+(?:\w+\s+){0,2}(?:assets|business|stock|shares)|"
                r"\b(?:fifty|50)\s*(?:\(50\)\s*)?(?:percent|%)\s+(?:\w+\s+){0,4}(?:voting|equity|stock|shares|interest)"
            ),
            must=(rx(_COC_EFFECT),),
            exclude=(
                rx(_INSOLVENCY),
                rx(_INCENTIVE_PLAN),
                rx(r"\bmeans\b"),
                rx(r"\bjudgment|\bentire\s+agreement|\bprior\s+(?:negotiations|agreements|understandings)"),
                rx(
                    r"\bwithout\s+(?:the\s+)?(?:\w+\s+){0,3}consent|\bnot\s+require\s+(?:the\s+)?(?:\w+\s+){0,2}consent|"
                    r"\bno\s+(?:such\s+)?consent"
                ),
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
