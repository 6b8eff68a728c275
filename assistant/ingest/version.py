"""The parser version recorded on every stored document.

Bump `PARSER_VERSION` in the same change whenever parsing output changes for some input: the text,
the page ranges, the clauses (boundaries, numbers, headings), the title or the detected kind, whatever
module the change is in (a reader, `cleanup`, `wraps`, `markers`, `segment`, `kind`). Documents stored
by an older version (or before versions were recorded, version 0) are re-parsed from their stored
original bytes: on re-ingest of the same bytes, before a review, and by `clausegate reparse`.

History:
    1 - the parser before versions were recorded.
    2 - two-column PDF pages are read column by column (`columns`).
    3 - an HTML block whose clause number is glued to its text ("7.1State Data") gets the space back.
"""

from __future__ import annotations

PARSER_VERSION = 3
