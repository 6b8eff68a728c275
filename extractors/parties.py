"""Who is who in a contract: the vendor and the customer, detected generically.

Contracts name the vendor Vendor/Provider/Supplier/Company/Licensor/Processor/"we" and the customer
Customer/Client/Licensee/Controller/Subscriber/"you"; many also define a short name in the preamble
(`Acme Ltd ("Acme")`). `roles_for` learns those aliases; `actor` tells which party performs a verb.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from assistant.models import Document

Role = Literal["vendor", "customer", "both"]

# Translated civil-law drafting names the parties by their role in the contract itself: the Brazilian
# "contratada" (contracted or hired party) supplies, the "contratante" (contracting or hiring party) buys.
VENDOR_WORDS = (
    "vendor", "service provider", "provider", "supplier", "licensor", "processor", "data processor",
    "company", "contractor", "seller", "consultant", "we", "us", "contracted party", "hired party",
    "contratada", "business associate",
)  # fmt: skip
CUSTOMER_WORDS = (
    "customer", "client", "licensee", "controller", "data controller", "subscriber", "buyer", "purchaser",
    "you", "user organisation", "authority", "agency", "institution", "contracting party", "hiring party",
    "contratante", "covered entity",
)  # fmt: skip
# Names a defined party goes by in a subcontract: the prime contractor buys, the subcontractor supplies.
# They are role names only when a party is defined by them (as words they also name third parties).
# (and the role names of Spanish, Portuguese and French drafting kept in translation: "hereinafter EL PROVEEDOR")
ALIAS_VENDOR_WORDS = (
    "subcontractor", "sub-contractor", "co-contractor", "proveedor", "proveedora", "prestador", "prestadora",
    "contratista", "fornecedor", "prestataire", "fournisseur",
)  # fmt: skip
ALIAS_CUSTOMER_WORDS = ("prime", "prime contractor", "cliente", "contratante", "adquirente")
_BOTH = r"either\s+party|each\s+party|both\s+parties|the\s+parties|a\s+party|any\s+party"
# Markdown drafting emphasises the defined name: (the **"Administrator"**).
_EMPHASIS = r"(?:\*{1,2}|_{1,2})?"
_DEFINED = re.compile(
    r"\(\s*(?:the\s+|hereinafter[,:]?\s+(?:referred\s+to\s+as\s+)?(?:the\s+)?|as\s+)?"
    + _EMPHASIS
    + r"[\"“']"
    # (the emphasis may sit inside the quotes too: ("**KubeHarbor**"), with the article: ("**the Bank**"))
    + _EMPHASIS
    + r"(?:the\s+)?(?P<alias>[A-Z][\w&.\- ]{1,30}?)"
    + _EMPHASIS
    + r"[\"”']"
    + _EMPHASIS
    + r"\s*\)"
)


# Civil-law drafting defines without brackets ('..., hereinafter "MAILVERDE", establishes ...'); Australian
# drafting ends a party's description with its bare short name ('... Melbourne VIC 3000 (Provider)').
_DEFINED_HEREINAFTER = re.compile(
    # (Central European translations put a colon: '(hereinafter: the "Provider")')
    r"\b(?:hereinafter|henceforth)[,:]?\s+(?:(?:referred\s+to\s+|called\s+|designated\s+)(?:as\s+)?)?(?:the\s+)?"
    # (a translated role name may come first: 'hereinafter the FIRST CONTRACTING PARTY (PRIMEIRO OUTORGANTE) or the
    # "Insurer"')
    + r"(?:[^;\"“”\n]{0,80}?\bor\s+(?:the\s+)?)?"
    + _EMPHASIS
    # (and the emphasis and article inside the quotes: 'hereinafter "**the Cooperative**"')
    + r"[\"“']"
    + _EMPHASIS
    + r"(?:the\s+)?(?P<alias>[A-Z][\w&.\- ]{1,30}?)"
    + _EMPHASIS
    + r"[\"”']"
)
# Spanish-language drafting in translation names a party in capitals, unquoted: "..., hereinafter LA
# ADMINISTRADORA; and ..., hereinafter EL PROVEEDOR"
_DEFINED_HEREINAFTER_CAPS = re.compile(
    r"\b(?:hereinafter|henceforth)[,:]?\s+(?:(?:referred\s+to\s+|called\s+|designated\s+)(?:as\s+)?)?"
    r"(?P<alias>(?:[A-ZÁÉÍÓÚÑÜ]{2,}\s+){0,2}[A-ZÁÉÍÓÚÑÜ]{3,})\b(?!\s*[\"“'])"
)
_DEFINED_BARE = re.compile(
    # (in bold too, at the end of the sentence: "... Mount Barker SA 5251 (**Provider**).")
    # (the full stop only after a name in bold: "(the Project)." closes a plain definition of something else)
    r"\(\s*(?:the\s+)?(?P<em>\*\*|__)?(?P<alias>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?(em)(?:\*\*|__))\s*\)[ \t]*"
    r"(?:$|;|\band\b|(?=\s+[A-Z])|(?(em)\.|(?!)))",
    re.M,
)


def _definitions(head: str) -> list[re.Match[str]]:
    """Party definitions of a preamble, in order of appearance (bare names only in its first 2,500 chars)."""
    found = [
        *_DEFINED.finditer(head),
        *_DEFINED_HEREINAFTER.finditer(head),
        *_DEFINED_HEREINAFTER_CAPS.finditer(head),
    ]
    if len(found) < 2:  # bare names only where the preamble names its parties no other way
        found += _DEFINED_BARE.finditer(head[:2500])
    found.sort(key=lambda m: m.start())
    out: list[re.Match[str]] = []
    for m in found:
        if not out or m.start() >= out[-1].end():
            out.append(m)
    return out


# (each word from its start: "Islandwave" is no "sla")
_COMMON_TERM = re.compile(
    r"\b(?:agreement|contract|date|term|service|order|exhibit|schedule|annex|data|information|software|platform|"
    r"product|fee|confidential\w*|personal|security|incident|breach|polic\w*|documentation|user|content|affiliate|"
    r"party|parties|dpa|msa|sla|sow|addendum|terms|law|period|effective|sub-?processor|sub-?contractor)s?\b"
)


@dataclass(frozen=True)
class Roles:
    """Compiled party-name patterns of one document."""

    vendor: re.Pattern[str]
    customer: re.Pattern[str]
    mention: re.Pattern[str]

    def role_of(self, mention: str) -> Role | None:
        """Role of a matched mention ('Vendor' -> vendor, 'either party' -> both, 'its' -> None)."""
        if re.fullmatch(_BOTH, mention, re.I):
            return "both"
        if self.vendor.fullmatch(mention):
            return "vendor"
        if self.customer.fullmatch(mention):
            return "customer"
        return None


def _alternation(words: list[str]) -> str:
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _classify_aliases(text: str) -> tuple[list[str], list[str]]:
    """Aliases defined in the text, split into (vendor, customer) by name or by elimination."""
    vendor_set = {w.lower() for w in (*VENDOR_WORDS, *ALIAS_VENDOR_WORDS)}
    customer_set = {w.lower() for w in (*CUSTOMER_WORDS, *ALIAS_CUSTOMER_WORDS)}
    vendor: list[str] = []
    customer: list[str] = []
    unknown: list[str] = []
    lettered: list[str] = []
    definitions = _definitions(text[:6000])
    for m in definitions:
        alias = m.group("alias").strip()
        low = alias.lower()
        if _LETTERED.fullmatch(alias):
            lettered.append(alias)
        elif low == "company" and _CUSTOMER_FIELD.search(_field_label(text, m)):
            # "A2  Customer: Faruvaa Island Resorts Private Limited, ... (the "Company")": "Company" names the vendor
            # only by default
            customer.append(alias)
        elif low in vendor_set or (low.split()[-1] in vendor_set and not _GENERIC_HEAD.fullmatch(low)):
            vendor.append(alias)
        elif low in customer_set or low.split()[-1] in customer_set:
            customer.append(alias)
        elif _STATUTE_BEFORE.search(text[max(0, m.start() - 80) : m.start()]) and _LAW_NAME.fullmatch(alias):
            # 'the Protection of Personal Information Act 4 of 2013 ("POPIA")' names a law; '... licences issued
            # under the Telecommunications Act ("Islandwave")' ends a party's description with its name
            continue
        elif _AUTHORITY_BEFORE.search(text[max(0, m.start() - 80) : m.start()]):
            continue  # 'the Nigeria Data Protection Commission ("NDPC")' names a regulator
        elif _PRODUCT_BEFORE.search(text[max(0, m.start() - 80) : m.start()]):
            continue  # '... FISHING LICENCE MANAGEMENT SYSTEM ("TIDELOG")' names the product
        elif len(alias.split()) <= 3 and m.start() < 2500 and not _COMMON_TERM.search(low):
            label, description = _field_label(text, m), _own_description(text, m).lower()
            # "as the supplier", or an order form's field label "**Customer:** Harcourt Students' Union (the "Union")"
            if _VENDOR_FIELD.search(label) or re.search(
                r"\bas\s+(?:the\s+|a\s+)?(?:vendor|provider|supplier|licensor|processor)\b", description
            ):
                vendor.append(alias)
            elif _CUSTOMER_FIELD.search(label) or re.search(
                r"\bas\s+(?:the\s+|a\s+)?(?:customer|client|licensee|controller|subscriber)\b", description
            ):
                customer.append(alias)
            else:
                unknown.append(alias)
    # a glossary defines the parties by role words: '(a) "LA PROVEEDORA" means AGROSISTEMAS CENTROAMERICANOS, S.A.;
    # (b) "EL CLIENTE" means TABACALERA SEGOVIAS, S.A.'
    for m in _MEANS_PARTY.finditer(text[:6000]):
        alias = " ".join(m.group("alias").split())
        # (the role word itself, with an article at most: not '"Payment Service Provider" means Stripe')
        role = re.sub(r"^(?:the|el|la|los|las|le|les|o|a)\s+", "", alias.lower())
        if alias in vendor or alias in customer:
            continue
        if role in vendor_set:
            vendor.append(alias)
        elif role in customer_set:
            customer.append(alias)
    # field labels name lettered parties too: "**First Party:** Arz Assurances S.A.L., ..."
    for m in re.finditer(rf"^\W*(?P<alias>{_LETTERED.pattern})\W*:", text[:6000], re.M | re.I):
        if m.group("alias") not in lettered:
            lettered.append(m.group("alias"))
    _from_alias_lists(text[:6000], vendor, customer, unknown)
    _company_as_customer(vendor, customer)
    _issuer_of_terms(text[:6000], vendor)
    _lettered_roles(text[:6000], lettered, vendor, customer)
    if not vendor and not customer and len(unknown) >= 2:
        # two parties named by neither role word: the one the recitals make the supplier is the vendor
        _lettered_roles(text[:6000], unknown[:2], vendor, customer)
    # a side already named by a role word ('(the "Vendor" or the "Supplier")') takes no unknown alias
    head = text[:6000]
    vendor_named = bool(vendor) or bool(_VENDOR_ROLE.search(head))
    customer_named = bool(customer) or bool(_CUSTOMER_ROLE.search(head))
    for alias in unknown[:2]:
        if alias in vendor or alias in customer:
            continue
        if vendor_named and customer_named:
            break
        # the side still free takes it; with both free, the recitals decide (a tie: the vendor, named first)
        to_vendor = not vendor_named and (customer_named or _supplier_score(head, alias) >= 0)
        (vendor if to_vendor else customer).append(alias)
        vendor_named, customer_named = vendor_named or to_vendor, customer_named or not to_vendor
    _second_names(text[:6000], definitions, vendor, customer)
    _two_suppliers(text[:6000], definitions, vendor, customer)
    return vendor, customer


# how surely a role word names the supplier: "Provider" also names a care or health provider that buys
_VENDOR_RANK = (
    "vendor", "supplier", "licensor", "contractor", "seller", "service provider", "processor", "provider",
)  # fmt: skip


def _two_suppliers(
    head: str, definitions: list[re.Match[str]], vendor: list[str], customer: list[str]
) -> None:
    """'Careloom Pty Ltd ... (**Supplier**) and Stringybark Care Ltd, a charity ... (**Provider**)': two parties
    both named by supplier words; the surer word names the vendor, the other party is the customer."""
    if customer or len(vendor) != 2:
        return
    found = {m.group("alias").strip(): m for m in definitions}
    if any(a not in found for a in vendor):
        return
    first, second = sorted(vendor, key=lambda a: found[a].start())
    segment = head[found[first].start() : found[second].start()]
    if not (
        re.search(r"\)\W*and\b", segment, re.I) or _PARTY_BREAK.search(segment[len(found[first].group(0)) :])
    ):
        return  # two names of one party ('("Supplier" or "Provider")')
    ranks = [_VENDOR_RANK.index(a.lower()) if a.lower() in _VENDOR_RANK else -1 for a in (first, second)]
    if -1 in ranks or ranks[0] == ranks[1]:
        return
    buyer = first if ranks[0] > ranks[1] else second
    vendor.remove(buyer)
    customer.append(buyer)


# what ends one party's description: "AND:", a line of its own "and", "of the one part", "on the other side", the
# parties' joint name ('(hereinafter jointly the "Parties")'), a paragraph that ends with a full stop
_PARTY_BREAK = re.compile(
    r"\bAND\b|^\W*and\W*$|\b(?:of|on)\s+the\s+(?:one|first|other|second)\s+(?:part|side|hand)\b|"
    r"\b(?:jointly|together|collectively)\b|\.[ \t]*$|\A\W*(?:and|between)\b|\bagree\b",
    re.M,
)
# what follows the last name of a party's description: the next party ("AND:", ", and", "on the other side") or
# the parties' joint name
_BLOCK_END = re.compile(
    r"\W*(?:and\b|on\s+the\s+(?:one|other)\b|of\s+the\s+(?:one|other)\b|"
    r"\(?\s*(?:hereinafter\s+)?(?:referred\s+to\s+)?(?:as\s+)?(?:jointly|together|collectively|each\s+a|individually)\b)",
    re.I,
)


_CLOSING_NAME = re.compile(r"\b(?:hereinafter|henceforth|referred\s+to\s+as)\b", re.I)


def _second_names(
    head: str, definitions: list[re.Match[str]], vendor: list[str], customer: list[str]
) -> None:
    """A party described with two defined names ('SOCIETE COOPERATIVE ... ("COOPRAN"), a cooperative
    society ..., hereinafter "the Cooperative"'): the closing "hereinafter" name, still unassigned, goes
    to the side of the name defined before it in the same description."""
    for prev, cur in itertools.pairwise(definitions):
        alias, before = cur.group("alias").strip(), prev.group("alias").strip()
        if alias in vendor or alias in customer or _COMMON_TERM.search(alias.lower()):
            continue
        side = vendor if before in vendor else customer if before in customer else None
        gap = head[prev.end() : cur.start()]
        if (
            side is None
            or len(gap) > 1500
            or _PARTY_BREAK.search(gap)
            or not _BLOCK_END.match(head, cur.end())
            or not _CLOSING_NAME.search(head[max(0, cur.start() - 30) : cur.start() + 25])
        ):
            continue
        side.append(alias)


# "# Clinara Enterprise Subscription Terms", "HaulPoint Fleet Terms of Service": a vendor's standard terms are
# titled with its name, which the text then uses without defining it
_TERMS_TITLE = re.compile(
    r"\A\W*(?P<name>[A-Z][\w&.-]+)(?:\s+[A-Z][\w&-]*){0,3}\s+(?:Terms\b|Conditions\b|General\s+Terms)"
)
_GENERIC_TITLE = re.compile(
    r"(?:master|general|standard|enterprise|subscription|service|services|software|cloud|customer|client|online|"
    r"platform|website|user|end|licen[cs]e|commercial|terms|the|our|these)",
    re.I,
)


def _issuer_of_terms(text: str, vendor: list[str]) -> None:
    """With no vendor alias defined, the name in the title of a set of terms, used again in the text."""
    m = _TERMS_TITLE.search(text[:300])
    # (a vendor named only by its role word, '"Supplier" means Sitewise Ltd', still goes by its name)
    roles_only = all(v.lower() in {w.lower() for w in (*VENDOR_WORDS, *ALIAS_VENDOR_WORDS)} for v in vendor)
    if not roles_only or m is None or _GENERIC_TITLE.fullmatch(m.group("name")):
        return
    name = m.group("name")
    if len(re.findall(rf"\b{re.escape(name)}\b", text)) >= 3:
        vendor.append(name)


def _company_as_customer(vendor: list[str], customer: list[str]) -> None:
    """'Arun Hydropower Company Limited ("Company") and Cloudworks Pvt Ltd ("Service Provider")': "Company" is
    a vendor word only by default; where the other party is defined by a supplier's name and no party by a
    customer's, the Company is the one that buys."""
    companies = [a for a in vendor if a.lower() == "company"]
    if companies and not customer and len(vendor) > len(companies):
        for alias in companies:
            vendor.remove(alias)
            customer.append(alias)


_VENDOR_ROLE = re.compile(
    r"\(\s*(?:the\s+)?[\"“'](?:vendor|supplier|provider|service\s+provider|contractor|licensor|processor|seller)[\"”']",
    re.I,
)
_CUSTOMER_ROLE = re.compile(
    r"\(\s*(?:the\s+)?[\"“'](?:customer|client|licensee|subscriber|buyer|purchaser|controller)[\"”']", re.I
)


# "Management Company", "Operating Company": a multi-word name whose head is the generic "company" says
# nothing of the role (a bare "Company" still defaults to the vendor).
_GENERIC_HEAD = re.compile(r"(?:\w+\s+)+company")

# Translated East Asian drafting names the parties "Party A" and "Party B" (甲 / 乙) and says who supplies
# only in the recitals: "the Service provided by Party B", "the use by Party A of the Service".
_LETTERED = re.compile(r"(?:Party\s+(?:[A-D]|[1-4]|One|Two)|(?:First|Second)\s+Party)", re.I)
_SUPPLIES = r"(?:provid|suppl|deliver|licens|operat|host|perform)\w*"
_BUYS = r"(?:us(?:e|es|ed|ing|age)|pa(?:y|ys|id)|purchas\w*|subscrib\w*|order\w*|receiv\w*)"


def _supplier_score(text: str, alias: str) -> int:
    """How often the recitals make `alias` the supplier ('provided by Party B', 'Party B shall provide')
    minus how often they make it the buyer ('use by Party A', 'provides ... to Party A')."""
    a = re.escape(alias).replace(r"\ ", r"\s+")
    supplies = (
        # (not "the software licensed by Party A from its vendor": Party A is a licensee there)
        rf"\b{_SUPPLIES}\s+by\s+{a}\b(?!\s+from\b)|\b{a}\s+(?:shall\s+|will\s+|hereby\s+)?{_SUPPLIES}|"
        # "the Second Party is licensed to provide cloud hosting", "is qualified to supply"
        rf"\b{a}\s+(?:is|are)\s+(?:\w+\s+){{0,2}}?(?:licensed|authori[sz]ed|qualified|able|willing|ready)\s+to\s+{_SUPPLIES}|"
        # "wishes to delegate the administration function to the Administrator", "appoints X as"
        rf"\b(?:delegat|outsourc|entrust|subcontract)\w*\s+[^.;]{{0,160}}?\bto\s+(?:the\s+)?{a}\b|"
        rf"\bappoints?\s+(?:the\s+)?{a}\b|"
        # "Whereas the Second Party specialises in hosting ...", "accepted the Second Party's offer"
        rf"\b{a}\s+(?:\w+\s+){{0,2}}?speciali[sz]es\s+in\s+{_SUPPLIES}|"
        rf"\b{a}(?:'s|’s)\s+(?:\w+\s+)?(?:offer|tender|bid|proposal|quotation)\b"
    )
    # data flows the other way: the vendor "will use the data provided to" it, so data is no service bought
    buys = (
        # "Whereas the First Party ... requires a terminal operating system", "wishes to procure"
        rf"\b{a}\s+(?:\w+\s+){{0,8}}?(?:requires|needs|wishes\s+to\s+(?:procure|obtain|acquire|engage|outsource|purchase|"
        rf"replace|implement|moderni[sz]e|upgrade))\b|"
        # "Whereas the First Party invited offers by limited tender"
        rf"\b{a}\s+(?:\w+\s+){{0,2}}?(?:invited|called\s+for|issued\s+a\s+call\s+for)\s+(?:\w+\s+)?(?:offers|tenders|bids|proposals)\b|"
        rf"\b{_BUYS}\s+(?:\w+\s+){{0,2}}?by\s+{a}\b|\b{a}\s+(?:shall\s+|will\s+|hereby\s+)?{_BUYS}\b{_NOT_DATA}|"
        rf"(?<!data\s)(?<!information\s)(?<!content\s)(?<!materials\s)\b{_SUPPLIES}\s+(?:[\w\"“”-]+\s+){{0,8}}?to\s+{a}\b"
    )
    return len(re.findall(supplies, text, re.I)) - len(re.findall(buys, text, re.I))


_NOT_DATA = r"(?!\s+(?:the\s+|its\s+|any\s+|such\s+)?(?:[\w-]+\s+)?(?:data|information|content|materials)\b)"


def _lettered_roles(text: str, lettered: list[str], vendor: list[str], customer: list[str]) -> None:
    """'Party A' / 'Party B': the one the recitals make the supplier is the vendor, the other the customer."""
    if len(lettered) != 2:
        return
    scores = [_supplier_score(text, a) for a in lettered]
    if scores[0] == scores[1]:
        return
    supplier, buyer = (lettered[0], lettered[1]) if scores[0] > scores[1] else (lettered[1], lettered[0])
    vendor.append(supplier)
    customer.append(buyer)


_STATUTE_BEFORE = re.compile(
    # "Regulation (EU) 2016/679 ("GDPR")": a law's short name, with its number after a parenthetical
    r"\b(?:Act|Ordinance|Regulations?|Law|Code|Directive|Decree|Statute|Rules)(?:\s*\([^)]{0,30}\))?(?:\s+(?:No\.?\s*)?[\d/]+)?"
    r"(?:\s+of\s+\d{4})?(?:,?\s+\d{4})?(?:\s*\([^)]{0,30}\))*\s*\(?\s*$"
)
# a law's short name: an acronym ("POPIA", "DPA 2020") or a name with a word of legislation in it
_LAW_NAME = re.compile(
    r"[A-Z0-9&./\- ]{2,14}|.*\b(?:Act|Law|Regulations?|Code|Directive|Decree|Rules|Ordinance|Statute)\b.*"
)
_PRODUCT_BEFORE = re.compile(
    r"\b(?:system|platform|software|solution|application|app|portal|tool)\s*\(?\s*$", re.I
)
_AUTHORITY_BEFORE = re.compile(
    # (not the signatory's office: "..., Member of the Management Board (hereinafter: the "Hotel Group")")
    r"(?<!Management\s)(?<!Supervisory\s)(?<!Executive\s)\b(?:Commission|Authority|Agency|Regulator|Board|Bureau|Ministry|"
    r"Inspectorate|Commissioner|Ombudsman)\s*\(?\s*$"
)
_NEXT_PARTY = re.compile(r"\band\b|\bbetween\b|[;(]|\n", re.I)


def _own_description(text: str, m: re.Match[str]) -> str:
    """The words that describe the party an alias defines: from the previous definition (or 200
    characters back) to this one, plus what follows it up to the next party ('Acme Inc. ("Acme") and the
    entity identified as the subscriber ("Subscriber")': 'as the subscriber' describes the second party)."""
    previous = [d.end() for d in _DEFINED.finditer(text, max(0, m.start() - 200), m.start())]
    start = previous[-1] if previous else max(0, m.start() - 200)
    after = text[m.end() : m.end() + 120]
    cut = _NEXT_PARTY.search(after)
    return text[start : m.end()] + (after[: cut.start()] if cut else after)


# the role a field label gives the party it introduces ("**Customer:**", "A1  Supplier:")
_VENDOR_FIELD = re.compile(r"\b(?:vendor|provider|supplier|licensor)\W*:", re.I)
_CUSTOMER_FIELD = re.compile(r"\b(?:customer|client|licensee|subscriber|buyer|purchaser)\W*:", re.I)


def _field_label(text: str, m: re.Match[str]) -> str:
    """The field label that opens the paragraph of a definition ('**Customer:** Harcourt ... (the "Union")')."""
    back = text[max(0, m.start() - 400) : m.start()]
    paragraph = back[back.rfind("\n\n") + 2 :] if "\n\n" in back else back
    # a fixed-width form: the field's own line, above the indented lines that continue it ("A2  Customer:
    # Faruvaa Island Resorts ..." / "            Republic of Maldives (the "Company")")
    label = None
    for line in reversed(paragraph.split("\n")):
        label = re.match(_LABEL, line)
        if label is not None or (line and not line[0].isspace()):
            break
    label = label or re.match(_LABEL, paragraph)
    return label.group(0) if label else ""


# (an order form numbers its fields: "A2  Customer:       Faruvaa Island Resorts ... (the "Company")")
_LABEL = re.compile(r"\W*(?:[A-Z]?\d+[.)]?[ \t]+)?[A-Za-z]+\W*:")


_ALIAS_LIST = re.compile(
    # (American punctuation puts the comma inside the quotes: ("HaulPoint," "we," "us"))
    r"\((?P<body>\s*(?:the\s+)?[\"“'][^\"”'()]{1,30}[\"”'](?:\s*(?:,|\bor\b|\band\b|,\s*or\b|,\s*and\b|(?<=,[\"”'])|"
    r"(?<=,[\"”']\s))\s*(?:the\s+)?[\"“'][^\"”'()]{1,30}[\"”'])+)\s*\)"
)


def _from_alias_lists(text: str, vendor: list[str], customer: list[str], unknown: list[str]) -> None:
    """Plain-English definitions name a party with its pronouns: 'Quillstack Labs, Inc. ("Quillstack", "we",
    "us" or "our")' makes Quillstack the vendor; '("you" or "Customer")' the customer."""
    vendor_set = {w.lower() for w in (*VENDOR_WORDS, *ALIAS_VENDOR_WORDS)} | {"our"}
    customer_set = {w.lower() for w in (*CUSTOMER_WORDS, *ALIAS_CUSTOMER_WORDS)} | {"your"}
    for m in _ALIAS_LIST.finditer(text):
        names = [n.strip().rstrip(",") for n in re.findall(r"[\"“']([^\"”']{1,30})[\"”']", m.group("body"))]
        lows = {n.lower() for n in names}
        side = vendor if lows & vendor_set else customer if lows & customer_set else None
        if side is None or (lows & vendor_set and lows & customer_set):
            continue
        for name in names:
            common = name.lower() in {w.lower() for w in (*VENDOR_WORDS, *CUSTOMER_WORDS, "our", "your")}
            if not common and not _COMMON_TERM.search(name.lower()):
                if name not in side:
                    side.append(name)
                if name in unknown:
                    unknown.remove(name)


@lru_cache(maxsize=256)
def _aliases_cached(head: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    vendor, customer = _classify_aliases(head)
    return tuple(vendor), tuple(customer)


@lru_cache(maxsize=256)
def _roles_cached(vendor_alias: tuple[str, ...], customer_alias: tuple[str, ...]) -> Roles:
    # NOTE: "Company" defaults to the vendor, unless the document defines it as the customer.
    vendor_words = [w for w in VENDOR_WORDS if w.lower() not in {a.lower() for a in customer_alias}]
    v = _alternation([*vendor_words, *vendor_alias])
    c = _alternation([*CUSTOMER_WORDS, *customer_alias])
    # Sub-processor/subcontractor are not the vendor itself.
    vendor_rx = re.compile(rf"(?<![\w-])(?:{v})(?![\w-])", re.I)
    customer_rx = re.compile(rf"(?<![\w-])(?:{c})(?![\w-])", re.I)
    auditor = r"(?:\s+or\s+its|'s|’s)?(?:\s+(?:independent|external|third[- ]party|designated))?\s+(?:auditors?|regulators?)"
    mention = re.compile(
        rf"(?<![\w-])(?:(?P<party>{v}|{c})(?P<aud>{auditor})?|(?P<both>{_BOTH})|"
        rf"(?P<reg>(?:supervisory|regulatory|competent)\s+authorit(?:y|ies)|regulators?|auditors?))(?![\w-])",
        re.I,
    )
    return Roles(vendor=vendor_rx, customer=customer_rx, mention=mention)


def roles_for(doc: Document) -> Roles:
    """Party patterns for `doc`, learned from its preamble definitions plus the common words."""
    return family_roles([doc])


def family_roles(documents: list[Document]) -> Roles:
    """Party patterns for a family: aliases defined in any document (an MSA's `("Acme")` also names the
    vendor in its DPA). An alias the documents claim for both roles goes to the side the family's recitals
    together make it (`_supplier_score`); with no clear answer it is dropped."""
    vendor: set[str] = set()
    customer: set[str] = set()
    for doc in documents:
        v, c = _aliases_cached(doc.text[:6000])
        vendor.update(v)
        customer.update(c)
    both = vendor & customer
    if both:
        # documents disagree (each guessed from its own recitals): the family's recitals together decide
        heads = tuple(doc.text[:6000] for doc in documents)
        scores = {alias: _family_score(heads, alias) for alias in both}
        ranked = sorted(both, key=lambda a: scores[a])
        vendor -= both
        customer -= both
        if len(ranked) == 2 and scores[ranked[0]] < scores[ranked[1]]:
            customer.add(ranked[0])
            vendor.add(ranked[1])
        elif len(ranked) == 1 and scores[ranked[0]] != 0:
            (vendor if scores[ranked[0]] > 0 else customer).add(ranked[0])
    return _roles_cached(tuple(sorted(vendor)), tuple(sorted(customer)))


@lru_cache(maxsize=256)
def _family_score(heads: tuple[str, ...], alias: str) -> int:
    return sum(_supplier_score(head, alias) for head in heads)


_SUBJECT_MODAL = r"(?:shall|will|must|may|agrees|undertakes|is|are|has|have|can|should)\b"


_NOUN_AFTER = re.compile(
    r"(?:(?:'s|’s|s')(?!\s+(?:\w+\s+)?(?:personnel|staff|employees|representatives|agents|engineers|team|support)\b)|\s+(?=[A-Z][a-z])(?!Shall|Will|May|Must|Agrees|Is|Has)|\s+(?:data|content|materials|information|"
    # ("by publication on the client portal": a place named after the party, not the party)
    r"personnel|users?|systems?|accounts?|property|premises|environment|instance|tenant|portal|dashboard|console|website)\b)"
)
_OBJECT_BEFORE = re.compile(
    r"\b(?:give|gives|giving|given|provide|provides|send|sends|sent|notify|notifies|notified|inform|informs|informed|"
    r"serve|served|deliver|delivered|furnish|furnished|offer|to|against|help|helps|assist|assists|support|supports|"
    r"tell|tells|told|warn|warns|warned|identify|identifies|identifying|identified|naming|"
    # "share with the Controller the results of its audit": a party after a preposition is not the subject
    r"with|"
    # "at the choice of the Controller", "on behalf of Customer": not the party acting
    r"(?:choice|option|request|election|direction|instructions?|discretion|expense|cost|consent|approval|behalf)\s+of|"
    # "shall keep the information of THE EXPORTER encrypted": whose data, not who acts on it
    r"(?:data|information|records|documents|files|content|materials)\s+of)"
    # ("must give each Customer at least twenty-one (21) days' notice")
    r"\s+(?:the\s+|each\s+|every\s+|any\s+|all\s+)?$",
    re.I,
)


_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$", re.I)
# (but "the personnel of THE PROVIDER" are the party's own people, who act for it)
_PEOPLE_OF = re.compile(
    r"\b(?:personnel|staff|employees?|engineers|representatives|agents|officers?|auditors|subcontractors|team|"
    r"administrators?|users|managers?|director)\s+of\s+(?:the\s+)?$",
    re.I,
)
# ("the right of the Customer to audit": the party of an infinitive acts; in "the environment of LA CLIENTE shall be
# limited" the head noun is the subject)
_ACTS_AFTER = re.compile(
    r"\s*,?\s+to\s+(?!(?:the|a|an|its|any|all|such|this|that|their|his|her)\b)\w+\b", re.I
)


def mentions(text: str, roles: Roles) -> list[tuple[int, int, Role | None]]:
    """Party mentions in `text`: (start, end, role); auditors/regulators alone count for the customer."""
    out: list[tuple[int, int, Role | None]] = []
    for m in roles.mention.finditer(text):
        if _NOUN_AFTER.match(text, m.end()) and not m.group("both") and not m.group("aud"):
            continue  # "Customer Data", "Supplier Personnel", "Customer's systems": not the party acting
        if _OBJECT_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            continue  # "give Customer notice", "notify the Customer": the party is an object
        if (
            _OF_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
            and not _PEOPLE_OF.search(text[max(0, m.start() - 40) : m.start()])
            and not _ACTS_AFTER.match(text, m.end())
            and not re.match(r"['’]s\b", text[m.end() : m.end() + 2])
        ):
            # "the records of container movements ... of the CLIENT, after removal ...": whose records, not who
            # acts ("the right of the Customer to audit" still names who audits)
            continue
        if m.group("both"):
            out.append((m.start(), m.end(), "both"))
        elif m.group("reg"):
            out.append((m.start(), m.end(), "customer"))
        else:
            out.append((m.start(), m.end(), roles.role_of(m.group("party"))))
    return out


def _opposite(role: Role | None) -> Role | None:
    return {"vendor": "customer", "customer": "vendor"}.get(role or "", role)  # type: ignore[return-value]


_GRANT_TO = re.compile(
    r"\b(grants?|granting|authori[sz]es?|permits?|allows?|enables?)\s+(?:to\s+)?(?:the\s+)?(?P<who>[\w&.-]+)",
    re.I,
)
_PASSIVE = re.compile(
    r"\b(?:be|been|being)\s+(?:\w+ly\s+)?(?:\w+ed|given|sent|told|shown|made|done|kept|held|paid|granted|"
    r"written|informed|notified|advised)\b|\breceive",
    re.I,
)  # a recipient: "Customer shall be given notice", "Customer will receive"
_NEW_SUBJECT = re.compile(
    r"\b(?:which|who|it|they|this|these|such\s+\w+)\s+(?:\w+\s+)?(?:shall|will|must|may|is|are|can)\b", re.I
)  # "Vendor will retain X, after which it will be deleted": the passive has its own subject
_ELIDED = re.compile(r"\b(?:and|or)\s+(?:\w+\s+)?(?:shall|will|must|may)\s+(?:\w+\s+)?$", re.I)
_ELIDED_PASSIVE = re.compile(
    r"\b(?:and|or)\s+(?:is|are|will\s+be|shall\s+be|must\s+be|may\s+be)\s+(?:\w+ly\s+)?$", re.I
)
_SUBJECT_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:shall|will|must|may|agrees|undertakes)\b", re.I)


_MODIFIER_AGENT = re.compile(
    r"\b(?!(?:be|been|being|is|are|was|were|get|gets|got)\b)[a-z]\w*\s+\w+(?:ed|en)\s+by\s+(?:the\s+)?$", re.I
)
_PURPOSE_ASIDE = re.compile(
    # (and a request aside: "the Supplier shall, upon the written request of the Contracting Authority, hand over")
    r",\s*(?:in\s+order\s+to|so\s+as\s+to|for\s+the\s+purposes?\s+of|which|who|"
    r"(?:(?:up)?on|at)\s+(?:the\s+)?(?:written\s+|reasonable\s+|prior\s+)?(?:request|instructions?|demand)\s+of|"
    # ("Kauri shall, if TGL so requests, return to TGL a copy": the requester is not the one returning)
    r"(?:if|where|when|whenever)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:so\s+)?(?:requests?|asks?|instructs?|requires?)\b(?=[^,;]{0,40},)|"
    r"in\s+(?:a|an|such)\s+(?:\w+\s+)?(?:form|manner|way|format)\s+(?:that|which|as))\b[^,;]{0,160},",
    re.I,
)
# "Business may take steps to ensure that Service Provider uses the data lawfully, including audits": the
# party inside what is to be verified is not the one verifying
_VERIFY_ASIDE = re.compile(
    r"\b(?:to\s+)?(?:ensure|verify|confirm|check|determine|establish|assess)\s+(?:that|whether)\b[^,;]{0,160}(?=,)",
    re.I,
)
_ACTIVE_MODAL = re.compile(r"\b(?:shall|will|must|may|can|could|should|to)\s+(?:\w+ly\s+)?$", re.I)
_OBJECT_FIRST = re.compile(r"\s*(?:the|a|an|its|their|any|all|such|each|his|her)\s+\w+", re.I)
_PARTICIPLE_AGENT = re.compile(r"\b\w+(?:ed|en|eld|ept|ade|ent|own)\s+by\s+(?:the\s+)?$", re.I)


_MEANS_PARTY = re.compile(r"[\"“](?P<alias>[A-Z][\w\s.-]{1,30}?)[\"”]\s+(?:means|shall\s+mean)\s+(?-i:[A-Z])")
_NEXT_PREDICATE = re.compile(r"\b(?:and|but)\s+(?:shall|will|must)\b", re.I)


def actor(text: str, pos: int, end: int, roles: Roles) -> Role | None:
    """The party performing the verb at text[pos:end] of one sentence: the agent of a passive
    ('notified by Supplier'), else the last party named before the verb in the same fragment;
    a recipient ('Customer shall be notified', 'Customer will receive notice') implies the other party."""
    agent = re.match(r"\s*(?:\w+\s+){0,3}?by\s+(?:the\s+)?", text[end : end + 60], re.I)
    if (
        agent
        and " " in text[pos:end].strip()
        and _MODIFIER_AGENT.search(text[max(0, end - 40) : end + agent.end()])
    ):
        # "transfer it to a successor provider designated by the Licensee": the participle qualifies the
        # phrase's last noun, not its verb ("audits required by Customer's regulators" keeps its agent)
        agent = None
    if (
        agent
        and _ACTIVE_MODAL.search(text[max(0, pos - 30) : pos])
        and _OBJECT_FIRST.match(text[end : end + agent.end()])
    ):
        # "may audit the compliance by the Provider": an active verb with its object; the by-phrase names
        # whose compliance, not who audits (a passive has no object between the verb and its agent)
        agent = None
    if agent:
        after = text[end + agent.end() : end + agent.end() + 40]
        found = mentions(after, roles)
        if found and found[0][0] == 0:
            return found[0][2]
    left = text[max(0, pos - 260) : pos]
    cut = max(left.rfind(";"), left.rfind(". "))
    if cut >= 0:
        left = left[cut + 1 :]
    # "Party A may, in order to confirm the handling of data by Party B, conduct an inspection", "Party B may
    # use it, in a form that does not identify Party A, to train": the party inside a purpose, manner or
    # relative aside is not the subject of the verb that follows it (blanked, offsets kept)
    left = _PURPOSE_ASIDE.sub(lambda m: " " * len(m.group()), left)
    left = _VERIFY_ASIDE.sub(lambda m: " " * len(m.group()), left)
    # NOTE: mentions are read with the words after the cut in view, so that "Customer" in "All Customer
    # Data shall be returned" is still seen as a noun modifier, not as the party acting.
    found = [f for f in mentions(left + text[pos : pos + 40], roles) if f[1] <= len(left)]
    # "All Customer Data held by the Supplier shall be erased": the agent of a participle is not the subject.
    found = [f for f in found if not _PARTICIPLE_AGENT.search(left[: f[0]])]
    if not found:
        return None
    grants = list(_GRANT_TO.finditer(left))
    if grants:
        grant = grants[-1]
        grantor = [f for f in found if f[1] <= grant.start()]
        if grantor and _NEXT_PREDICATE.search(left, grant.end()):
            # "the Contractor shall enable the Client to access the System ... and shall, at the request of the
            # Client, deliver a copy": a second predicate of the grantor, not the grantee's act
            return grantor[-1][2]
        head = mentions(left[grant.start("who") :], roles)
        if head and head[0][0] == 0:
            return head[0][2]  # "Vendor shall permit Customer to audit": the grantee acts
        # ("shall grant each of them an individual username": its own people, named by a pronoun)
        own_people = re.match(
            r"(?:its|their|our|his|her|each|every|all|them|those|such)\b", grant.group("who"), re.I
        )
        if grantor and re.match(r"grant", grant.group(1), re.I) and not own_people:
            return _opposite(grantor[-1][2])  # "You grant Quillstack a licence to use": not the grantor
    if _ELIDED_PASSIVE.search(left):
        # "Content is kept until you delete it, and is deleted within 30 days": no agent is named
        return None
    if _ELIDED.search(left):
        subjects = [f for f in found if _SUBJECT_AFTER.match(left, f[1])]
        if subjects:
            return subjects[0][2]
    start, stop, role = found[-1]
    if re.search(r"\bby\s+(?:the\s+)?$", left[:start], re.I):
        return role  # "Access by the Supplier's personnel shall be restricted": the agent, not a recipient
    if _OF_BEFORE.search(left[:start]):
        # "Every access of the personnel of EL PROVEEDOR ... shall be recorded", "including those of the SUPPLIER's
        # support personnel, shall be recorded": whose access, not a recipient of the passive
        return role
    between = left[stop:]
    if re.search(r"\b(?:be|been|being|receive|receives|is|are)\b", between, re.I) and not re.search(
        r"\b(?:is|are|be|been)\s+(?:\w+ly\s+)?(?:entitled|permitted|allowed|required|obliged|obligated|responsible|"
        r"authori[sz]ed|able)\b|\bbe\s+(?:given|granted|provided\s+with|afforded)\s+(?:\w+\s+){0,3}?(?:access|rights?|"
        r"opportunity|permission)\b",
        between,
        re.I,
    ):
        if _PASSIVE.search(between + text[pos:end]) and not _NEW_SUBJECT.search(between):
            return _opposite(role)
    return role
