"""The document creation time (DCT): which of the dates on offer a document is read against.

DESIGN.md fixes the order, first found wins: ``--dct``, the document's own date (front matter,
HTML metadata, a timeline's ``dct:``, the TimeML DCT), then the configuration's ``dct``. Every
reader finds its own date its own way and lets :func:`document_date` choose.
"""

from __future__ import annotations

import attrs

from chrono.options import ReadingOptions
from chrono.periods import Period

# the sources named in a document's ``dct_source``
COMMAND_LINE = "--dct"
CONFIGURATION = "configuration"


@attrs.frozen
class DocumentDate:
    period: Period
    value: str | None  # as written (it may carry a time of day)
    source: str  # where it came from, in words: "--dct", "front matter 'date'", "TimeML DCT" ...


def document_date(own: DocumentDate | None, options: ReadingOptions) -> DocumentDate | None:
    """The date a document is read against: ``--dct``, else its own, else the configuration's."""
    if options.dct is not None:
        return DocumentDate(options.dct, options.dct_value, COMMAND_LINE)
    if own is not None:
        return own
    if options.default_dct is not None:
        return DocumentDate(options.default_dct, options.default_dct_value, CONFIGURATION)
    return None
