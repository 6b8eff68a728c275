"""CUAD categories about how a contract ends and goes on: termination for convenience, post-termination
services, renewal term and the notice period to stop a renewal, as sentence rules (see `extractors.cuad_rules`).
"""

from __future__ import annotations

from extractors.cuad_rules import CategoryRules, SentenceRule, rx

_TERMINATE = r"\b(?:terminat\w*|cancel\w*|end\s+this\s+agreement)"
_BREACH = (
    r"\b(?:breach\w*|default\w*|fail\w*\s+to|insolven\w*|bankrupt\w*|receiver|liquidat\w*|"
    r"violat\w*|cur(?:e|ed)\b|force\s+majeure|misconduct|fraud\w*|convicted)"
)

_MAY_TERMINATE = (
    r"\b(?:may|can|right|entitled|option|elect\w*|wish\w*|desir\w*|intend\w*|free|able)\b[\s,]+"
    r"(?:[^\s.;:]+\s+){0,14}?(?:terminated?|cancel(?:l?ed)?|withdrawn?|discontinued?)\b"
    r"|\b(?:terminated|cancell?ed)\s+(?:\w+\s+){0,3}?by\s+(?:either|any|each|both)\s+(?:of\s+the\s+)?part"
    r"|\bterminable\b|\bcancell?able\s+at\s+any\s+time|\bat\s+the\s+option\s+of\s+(?:either|any|each)"
)
_IF = (
    r"\b(?:in\s+the\s+event|if|should|in\s+case|where|as\s+a\s+result|vote|(?:for|with)\s+cause|change\s+(?:of|in)\s+control|"
    r"in\s+such\s+(?:event|case)|for\s+reasons?\s+of)\b"
)
# "may be terminated as follows:" leads a list whose items carry their own grounds.
_CONDITION = _IF + r"|\bas\s+follows\b"
_NOMINAL_END = r"\b(?:upon|after|following|in\s+the\s+event\s+of)\s+(?:\w+\s+){0,2}(?:termination|expiration)"
_TERM_END = (
    r"\b(?:renew\w*|non-renewal|(?:prior\s+to|before|preceding)\s+(?:the\s+)?(?:expir\w*|end)\s+of\s+the\s+"
    r"(?:then|initial|current|renewal))"
)

# What ends is the contract itself, not one order, product, service or appointment under it.
_WHOLE_CONTRACT = r"\b(?:this|the)\s+(?:\S+\s+){0,2}?(?:agreement|contract)\b|\bterminate\s+it\b"

# An item of a list of termination grounds ("This Agreement may be terminated: (a) by either party giving
# 90 days' notice; (b) by either party if ..."): the item names who ends the contract and how, and its
# "may be terminated" stem stands in the list's lead-in, often a separate sentence.
_ENUMERATOR = r"(?:\d+(?:\.\d+)*\.?|\(?[a-z0-9]{1,4}\))"
_LISTED_BY_NOTICE = (
    r"(?:^|:\s)\s*" + _ENUMERATOR + r"?\s*by\s+(?!\w+ing\b)(?:\S+\s+){1,14}?(?:electing\s+to\s+)?"
    r"(?:giv\w+|provid\w+|serv\w+|deliver\w+|upon|on|with)\s+(?:\S+\s+){0,10}?notice"
)
# Without a word of termination, only a numbered item of a list stands for a termination ground.
_LISTED_ITEM = _TERMINATE + r"|^\s*" + _ENUMERATOR + r"\s+by\b"

# Notice served after an event ("upon notice following the withdrawal of the product") is a ground,
# not convenience.
_AFTER_EVENT = r"\bfollowing\b|\bdue\s+to\b|\bupon\s+(?:the\s+)?(?:occurrence|cessation|filing)\b"

TERMINATION_FOR_CONVENIENCE = CategoryRules(
    category="Termination For Convenience",
    prefilter=rx(_TERMINATE + r"|\bwithdraw|\bcancell?able|" + _LISTED_BY_NOTICE),
    rules=(
        SentenceRule(
            "without_cause",
            cue=rx(
                r"\bfor\s+(?:\S+\s+){0,2}?convenience|\bat\s+will\b|\bwithout\s+(?:any\s+)?(?:cause|reason)|"
                r"\bfor\s+any\s+(?:or\s+no\s+)?reason|\bfor\s+no\s+reason|\bany\s+or\s+no\s+reason|"
                r"\bnon-cause|\bwith\s+or\s+without\s+cause|\bunilateral\w*"
            ),
            must=(rx(_MAY_TERMINATE),),
            exclude=(
                rx(_NOMINAL_END),
                rx(r"\bfor\s+cause\b|\bshould\b|\bif,?\s+for\s+any\s+reason|\bchange\s+(?:of|in)\s+control"),
            ),
        ),
        SentenceRule(
            "discretion",
            cue=rx(r"\b(?:sole|absolute|unfettered|complete|its|their)\s+(?:and\s+absolute\s+)?discretion"),
            must=(rx(_MAY_TERMINATE), rx(_WHOLE_CONTRACT)),
            exclude=(rx(_BREACH), rx(_CONDITION)),
        ),
        SentenceRule(
            "on_notice",
            cue=rx(_MAY_TERMINATE),
            must=(rx(r"\bnotice\b"), rx(r"\b(?:at\s+any\s+time|days?|months?|weeks?|years?)\b")),
            exclude=(rx(_BREACH), rx(_TERM_END), rx(_CONDITION), rx(r"\bmutual\w*")),
        ),
        SentenceRule(
            "listed_ground_on_notice",
            cue=rx(_LISTED_BY_NOTICE),
            must=(rx(r"\b(?:at\s+any\s+time|days?|months?|weeks?|years?)\b|\[\s*\*+\s*\]"), rx(_LISTED_ITEM)),
            exclude=(
                rx(_BREACH),
                rx(_TERM_END),
                rx(_IF),
                rx(r"\bmutual\w*"),
                rx(_AFTER_EVENT),
            ),
        ),
    ),
)

_AFTER_END = (
    r"\b(?:upon|after|following|on|in\s+the\s+event\s+of|at|subsequent\s+to|from)\s+"
    r"(?:the\s+|an?\s+)?(?:any\s+)?(?:such\s+)?(?:early\s+)?(?:effective\s+date\s+of\s+)?"
    r"(?:expiration|termination|expiry|cancellation|non-renewal)"
    r"|\b(?:after|following)\s+(?:this\s+agreement|the\s+agreement)\s+(?:terminates|expires|ends)"
    r"|\bpost-(?:termination|expiration)|\bthe\s+(?:termination|expiration)\s+date"
    r"|\bat\s+the\s+time\s+of\s+(?:the\s+|any\s+|such\s+)?(?:termination|expiration|expiry)"
)
# "If this Agreement is terminated, X shall continue to ..." states a post-term duty as a condition
_IF_ENDS = (
    r"\b(?:if|in\s+the\s+event(?:\s+that)?|should|where|when|once)\s+(?:this|the)\s+agreement\s+"
    r"(?:is\s+|shall\s+be\s+|has\s+been\s+|(?:expires|terminates)\s+or\s+is\s+)?(?:terminated|expires?|terminates|ends|cancell?ed)"
)
_EXIT_WORDS = (
    r"\btransition\w*|\bwind[\s-]?(?:down|up)\b|\bsell[\s-]?off|\brun[\s-]?off|\blast[\s-]+(?:time[\s-]+)?buy|"
    r"\bphase[\s-]?out|\bmigrat\w+|\bdisengagement|\b(?:termination|exit)\s+assistance"
)
_AFTER_WORK = (
    r"\bcontinue\w*\s+(?:\S+\s+){0,3}?(?:to\s+)?(?:sell|distribute|provide|supply|use|fulfil\w*|perform|offer|"
    r"support|service|pay|market|operate|manufacture|honou?r|receive|have|be\s+(?:bound|entitled|obligated|paid))|"
    r"\b(?:purchase|buy|repurchase|buy\s+back|sell|dispose\s+of|fill|fulfil\w*|complete|deliver)\s+(?:\S+\s+){0,6}?"
    r"(?:inventory|stocks?|orders?|products?|work\s+in\s+process|work\s+in\s+progress|units)|"
    r"\b(?:keep|maintain|retain|preserve)\s+(?:\S+\s+){0,5}?(?:books|records|accounts)|"
    r"\b(?:royalt\w+|commissions?|compensation|residuals?|tail)\b|\bassist\w*|\bcooperat(?:e|ion\s+with)\b|"
    r"\bsupport\s+(?:services|obligations)|\bmaintenance\s+(?:services|and\s+support)|\bspare\s+parts"
    # a licence that goes on after the end (sell-off, archival or perpetual use) is a post-term right
    r"|\blicen[cs]e\w*\s+(?:\S+\s+){0,6}?(?:shall|will)\s+"
    r"(?:continue|survive|remain\s+in\s+(?:full\s+)?(?:force|effect))"
)
# Sentences about the end that set no duty beyond it: a limitation period, a ban, a service ending with the
# contract ("terminates automatically upon termination of"), or the end of a quarter or a short period.
_NO_DUTY_AFTER = (
    r"\bno\s+(?:action|claim|suit)|\bprohibit\w*|\bremain\s+bound|"
    r"\bterminat\w*\s+(?:automatically\s+)?(?:upon|on|with)\s+(?:the\s+)?(?:termination|expiration|expiry)|"
    r"\b(?:expiration|expiry|end|termination)\s+of\s+(?:each|the|any|such)\s+(?:preceding\s+)?(?:full\s+)?"
    r"(?:calendar\s+|fiscal\s+)?(?:quarter|month|year)\b|"
    r"\b(?:expiration|expiry|end|lapse)\s+of\s+(?:such|the|said|that)\s+(?:\S+\s+){0,2}?\S*?(?:day|month|year)s?\)?\s+period"
)
_NOT_PTS = (
    r"\bconfidential|\bcease\s+(?:all\s+)?(?:use|using)|\bdestroy|\bno\s+(?:further\s+)?(?:liability|obligation)|"
    r"\bwithout\s+prejudice|\baccrued\s+(?:prior|before|as\s+of|up\s+to)|\bnon-?compet\w*|\bsolicit|"
    r"\bno\s+(?:\S+\s+){0,3}?(?:payments?|compensation|commissions?|fees?)\b|\bnot\s+be\s+liable|"
    r"\bneither\s+party\s+(?:shall|will)\s+be\s+liable|\bnot\s+to\s+(?:work|compete|solicit|engage|hire)\b|"
    + _NO_DUTY_AFTER
)

# A period counted from the end of something other than the contract or one of its parts (a payment period,
# a study, a warranty) is not a post-termination period; a sentence that also names the contract's end is.
_CONTRACT_PART = (
    r"(?:agreement|contract|term|attachment|schedule|exhibit|addendum|appendix|order|statement|sow|services?|"
    r"licen[cs]e|arrangement|relationship|appointment|engagement)\b"
)
_OTHER_END = (
    r"^(?!.*\b(?:termination|expiration|expiry)\s+of\s+(?:this|the|such|any|each)\s+(?:\S+\s+){0,2}?"
    + _CONTRACT_PART
    + r").*\b(?:termination|expiration|expiry)\)?\s+of\s+(?:the\s+|such\s+|each\s+|any\s+)?(?!"
    + _CONTRACT_PART
    + r")\w"
)

POST_TERMINATION_SERVICES = CategoryRules(
    category="Post-Termination Services",
    prefilter=rx(r"\bterminat|\bexpir|\btransition|\bwind|\bsell"),
    rules=(
        SentenceRule(
            "exit_assistance",
            cue=rx(_EXIT_WORDS),
            must=(rx(r"\bterminat\w*|\bexpir\w*|\bend\s+of\s+the\s+term|\bexit\b"),),
            exclude=(rx(r"\bconfidential|\bmay\s+terminate|\bterminate\s+for\s+convenience"),),
        ),
        SentenceRule(
            "work_after_end",
            cue=rx(_AFTER_END + "|" + _IF_ENDS),
            must=(rx(_AFTER_WORK),),
            exclude=(rx(_NOT_PTS),),
        ),
        SentenceRule(
            "period_after_end",
            cue=rx(
                r"\b(?:days?|months?|years?)\)?\s+(?:after|following|from|beyond)\s+(?:the\s+)?(?:\S+\s+){0,3}?"
                r"(?:termination|expiration|expiry)|\b(?:after|following)\s+(?:the\s+)?(?:termination|expiration)\s+"
                r"(?:\S+\s+){0,6}?for\s+(?:a\s+period\s+of\s+)?(?:\S+\s+){1,3}(?:days?|months?|years?)"
            ),
            must=(rx(r"\b(?:shall|will|must|may|agrees?)\b"),),
            exclude=(
                rx(_NOT_PTS),
                rx(_OTHER_END),
                rx(
                    r"\bdisclos\w*|\bnot\s+(?:to\s+)?(?:engage|employ|hire)|\b(?:shall|will)\s+not\b|\bnone\s+of|\bsurviv"
                ),
            ),
        ),
        SentenceRule(
            # NOTE: one bare "upon termination, X shall ..." sentence is boilerplate in most contracts; lawyers
            # label the category when the contract builds a real post-term regime, i.e. several of them.
            "obligation_after_end",
            cue=rx(_AFTER_END),
            must=(rx(r"\b(?:shall|will|must|may|agrees?)\b"),),
            # rights that merely end, or duties not to act, are the absence of post-term services
            exclude=(rx(r"\b(?:revert\w*|ceases?|no\s+(?:further|duty|longer)|void|extended|renew\w*)\b"),),
            weight=0.34,
        ),
    ),
)

_TERM_SUBJECT = (
    r"\b(?:this\s+agreement|the\s+agreement|(?:initial|the|such|its)\s+term|term\s+of\s+(?:this|the)|"
    r"contract|license\s+term|it\s+(?:shall|will)|(?:initial|contract)\s+period)\b"
)
_RENEWAL_SHAPE = (
    r"\bautomatic\w*|\bsuccessive|\badditional\s+(?:\S+\s+){0,4}?(?:periods?|terms?|years?|months?)\b|"
    r"\bfurther\s+(?:\S+\s+){0,4}?(?:periods?|terms?|years?)\b|\banother\b|\byear[\s-]to[\s-]year|"
    r"\bmonth[\s-]to[\s-]month|\bannually\b|\brenewal\s+(?:terms?|periods?)|\bevergreen|\btacit\w*|"
    r"\bextension\s+(?:terms?|periods?)|\brenewable\b|\bunless\s+(?:\S+\s+){0,6}?notice"
)
_NOT_TERM_RENEWAL = (
    r"\bforce\s+majeure|\binsurance|\breview\s+period|\bduring\s+the\s+term\s+(?:\S+\s+){0,2}any\s+renewal|"
    r"\bsurviv\w*|\bcure\s+period|\bdeadline|\bwarrant|\bmutual\w*|\bparties\s+(?:may\s+|shall\s+)?agree|"
    r"\bagree\w*\s+in\s+writing|\bby\s+(?:written\s+)?agreement\s+of|\bnegotiat\w*|\bmeans\b|\bthroughout\s+the\s+term"
)

_AUTO_RENEWS = (
    r"\b(?:renew\w*|extend\w*)\s+automatically|\bautomatic(?:ally)?\s+(?:\S+\s+){0,2}?(?:renew\w*|extend\w*|extension)|"
    r"\bauto-?renew\w*"
)

_NOT_AUTOMATIC = r"\bforce\s+majeure|\binsurance|\bsurviv\w*|\bwarrant|\bmeans\b"

RENEWAL_TERM = CategoryRules(
    category="Renewal Term",
    prefilter=rx(r"\brenew|\bextend|\bextension|\bcontinue|\b(?:month|year)[\s-]to[\s-](?:month|year)"),
    rules=(
        SentenceRule(
            "term_renews",
            cue=rx(r"\b(?:renew(?:ed|s|al|ing|able)?|extend(?:ed|s)?|extensions?)\b"),
            must=(rx(_TERM_SUBJECT), rx(_RENEWAL_SHAPE)),
            exclude=(rx(_NOT_TERM_RENEWAL),),
            must_not_negate=True,
        ),
        SentenceRule(
            # a renewal that happens by itself does not depend on a later agreement, even where the same
            # sentence lets the parties agree something else (quotas, prices) in writing
            "automatic_renewal",
            cue=rx(_AUTO_RENEWS),
            must=(rx(_TERM_SUBJECT),),
            exclude=(rx(_NOT_AUTOMATIC),),
            must_not_negate=True,
        ),
        SentenceRule(
            "extension_option",
            cue=rx(
                r"\b(?:may|option\s+to|right\s+to|elect\w*\s+to|entitled\s+to)\s+(?:[^\s.;:]+\s+){0,10}?"
                r"(?:extend|renew)\s+(?:\S+\s+){0,3}?(?:term|agreement|contract)"
            ),
            exclude=(rx(_NOT_TERM_RENEWAL),),
            must_not_negate=True,
        ),
        SentenceRule(
            "evergreen",
            cue=rx(
                r"\bcontinue[sd]?\s+(?:\S+\s+){0,14}?(?:thereafter|after\s+that|(?:on\s+a\s+)?year[\s-]to[\s-]year|"
                r"(?:on\s+a\s+)?month[\s-]to[\s-]month|from\s+year\s+to\s+year|indefinitely|for\s+successive)|"
                r"\bautomatically\s+continue|\bthereafter,?\s+(?:\S+\s+){0,4}?continue|\bfrom\s+year\s+to\s+year|"
                r"\byear[\s-]to[\s-]year\s+basis|"
                r"\b(?:effective|in\s+(?:effect|force))\s+(?:on\s+a\s+)?(?:month[\s-]to[\s-]month|year[\s-]to[\s-]year)"
            ),
            must=(
                rx(_TERM_SUBJECT),
                rx(
                    r"\buntil\b|\bunless\b|\bautomatic|\bsuccessive|\b(?:year|month)[\s-]to[\s-](?:year|month)"
                ),
            ),
            # "for two years thereafter" is a fixed tail, not a renewal; "from year to year thereafter" is one
            exclude=(rx(_NOT_TERM_RENEWAL), rx(r"(?<!to\s)\b(?:years?|months?|days?)\)?\s+thereafter")),
        ),
    ),
)

_PERIOD = r"\b(?:days?|months?|years?|weeks?)\b|\[\s*\*+\s*\]"
_BEFORE_END = (
    r"\b(?:prior\s+to|before|preceding|in\s+advance\s+of)\s+(?:the\s+)?(?:\S+\s+){0,3}?"
    r"(?:end|expir\w*|expiry|anniversary|renewal\s+date|terminat\w+\s+date)\b|"
    r"\bat\s+the\s+(?:end|expir\w*)\s+of\s+(?:its|the|any)\s+(?:\S+\s+){0,2}?term"
)
_EXTENSION_OPTION = (
    r"\boption\s+to\s+(?:renew|extend)|\bmay\s+(?:\S+\s+){0,8}?(?:extend|renew)\b|\belect\w*\s+to\s+(?:renew|extend)|"
    r"\bright\s+to\s+(?:renew|extend)"
)

NOTICE_TO_TERMINATE_RENEWAL = CategoryRules(
    category="Notice Period To Terminate Renewal",
    prefilter=rx(r"\bnoti(?:ce|fy|fies|fication)|" + _AUTO_RENEWS),
    rules=(
        SentenceRule(
            "notice_before_term_end",
            cue=rx(r"\bnoti(?:ce|fy|fies|fication)\b"),
            must=(
                rx(_PERIOD),
                rx(_BEFORE_END),
                rx(r"\bterm\b|\brenew\w*|\bperiod\b"),
                rx(r"\bterminat\w*|\brenew\w*|\bcancel\w*|\bexpire\b"),
            ),
            exclude=(rx(_EXTENSION_OPTION), rx(_BREACH), rx(r"\bat\s+any\s+time\s+(?:prior\s+to|before)")),
        ),
        SentenceRule(
            "non_renewal_notice",
            cue=rx(
                r"\bnot\s+(?:to\s+)?(?:renew|extend)|\bnon-?\s?renewal|\bintention\s+not\s+to|"
                r"\bterminate\s+on\s+its\s+expiration"
            ),
            must=(rx(_PERIOD), rx(r"\bnoti(?:ce|fy|fies|fication)")),
        ),
        SentenceRule(
            # "renews automatically unless either party objects at least ninety days before the anniversary":
            # the opt-out window is a notice period even where the word "notice" is not used
            "renewal_opt_out_window",
            cue=rx(_AUTO_RENEWS),
            must=(rx(r"\bunless\b"), rx(_PERIOD), rx(_BEFORE_END)),
            exclude=(rx(_EXTENSION_OPTION), rx(_BREACH)),
        ),
        SentenceRule(
            "evergreen_notice",
            cue=rx(
                r"\bcontinue[sd]?\s+(?:\S+\s+){0,8}?(?:thereafter|after\s+that|(?:on\s+a\s+)?year[\s-]to[\s-]year|"
                r"(?:on\s+a\s+)?month[\s-]to[\s-]month|from\s+year\s+to\s+year|indefinitely)|"
                r"\bautomatically\s+continue|\bthereafter,?\s+(?:\S+\s+){0,4}?continue|\brenew\w*\s+annually|"
                r"\bautomatic\w*\s+(?:\S+\s+){0,3}?(?:renew\w*|extension|extend\w*)|\brenew\w*\s+automatically"
            ),
            must=(rx(r"\bnotice\b"), rx(_PERIOD)),
        ),
    ),
)
