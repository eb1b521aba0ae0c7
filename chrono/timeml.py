"""TimeML (.tml) reading and writing: the one TimeML reader/writer of the project.

:func:`parse_timeml` parses a TimeML 1.2 document (TimeBank, AQUAINT, TempEval-3 style) with
expat, so offsets and source line numbers are exact, and returns a :class:`TimeMLDocument`
(:func:`read_timeml` does the same for a file, given as a ``Path``: document text is never
taken for a file name):

* ``text`` -- the content of ``<TEXT>`` with every tag stripped and XML entities decoded;
* ``dct`` -- the value of the creation-time TIMEX3 (``functionInDocument="CREATION_TIME"``,
  normally inside ``<DCT>``);
* ``timexes``, ``events``, ``signals`` -- the annotations inside ``<TEXT>``, each with
  code-point offsets into ``text``, all of its attributes and its source line;
* ``makeinstances``, ``tlinks``, ``slinks``, ``alinks`` -- the link layer, with source lines.

Malformed XML raises :class:`TimeMLError` naming the line and column.

:func:`write_timeml` produces a TimeML document from plain text and tagger output, in the form
the TempEval-3 scorer reads.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol
from xml.parsers import expat

import attrs

__all__ = [
    "Alink",
    "Event",
    "MakeInstance",
    "NestedTags",
    "RelationRow",
    "Signal",
    "Slink",
    "TimeMLDocument",
    "TimeMLError",
    "TimeMLTimex",
    "Tlink",
    "parse_relations",
    "parse_timeml",
    "read_relations",
    "read_timeml",
    "write_timeml",
]


class TimeMLError(ValueError):
    """A TimeML document that cannot be read, with the source line (1-based) when known."""

    def __init__(self, message: str, line: int | None = None, source: str | None = None) -> None:
        where = ""
        if source:
            where += f"{source}:"
        if line is not None:
            where += f"{line}:"
        super().__init__(f"{where} {message}" if where else message)
        self.line = line
        self.source = source


def _freeze(attributes: Mapping[str, str]) -> dict[str, str]:
    return dict(attributes)


@attrs.frozen
class TimeMLTimex:
    """A TIMEX3 annotation; ``start``/``end`` are offsets into :attr:`TimeMLDocument.text`."""

    tid: str
    type: str
    value: str
    start: int
    end: int
    text: str
    line: int
    mod: str | None = None
    anchor_time_id: str | None = None
    begin_point: str | None = None
    end_point: str | None = None
    temporal_function: bool | None = None
    function_in_document: str | None = None
    quant: str | None = None
    freq: str | None = None
    attributes: dict[str, str] = attrs.field(factory=dict, converter=_freeze, eq=False)


@attrs.frozen
class Event:
    eid: str
    event_class: str | None
    start: int
    end: int
    text: str
    line: int
    attributes: dict[str, str] = attrs.field(factory=dict, converter=_freeze, eq=False)


@attrs.frozen
class MakeInstance:
    eiid: str
    event_id: str
    line: int
    tense: str | None = None
    aspect: str | None = None
    polarity: str | None = None
    pos: str | None = None
    modality: str | None = None
    cardinality: str | None = None
    signal_id: str | None = None
    attributes: dict[str, str] = attrs.field(factory=dict, converter=_freeze, eq=False)


@attrs.frozen
class Signal:
    sid: str
    start: int
    end: int
    text: str
    line: int


@attrs.frozen
class Tlink:
    """A TLINK; ``source``/``target`` are ids of any kind (event instance or time)."""

    lid: str
    rel_type: str
    line: int
    event_instance_id: str | None = None
    time_id: str | None = None
    related_to_event_instance: str | None = None
    related_to_time: str | None = None
    signal_id: str | None = None
    origin: str | None = None
    attributes: dict[str, str] = attrs.field(factory=dict, converter=_freeze, eq=False)

    @property
    def source(self) -> str | None:
        return self.event_instance_id or self.time_id

    @property
    def target(self) -> str | None:
        return self.related_to_event_instance or self.related_to_time

    @property
    def source_kind(self) -> str | None:
        return "event" if self.event_instance_id else "time" if self.time_id else None

    @property
    def target_kind(self) -> str | None:
        if self.related_to_event_instance:
            return "event"
        return "time" if self.related_to_time else None


@attrs.frozen
class Slink:
    lid: str
    rel_type: str
    line: int
    event_instance_id: str | None = None
    subordinated_event_instance: str | None = None
    signal_id: str | None = None
    attributes: dict[str, str] = attrs.field(factory=dict, converter=_freeze, eq=False)


@attrs.frozen
class Alink:
    lid: str
    rel_type: str
    line: int
    event_instance_id: str | None = None
    related_to_event_instance: str | None = None
    signal_id: str | None = None
    attributes: dict[str, str] = attrs.field(factory=dict, converter=_freeze, eq=False)


# Tags that hold words; TimeML (DTD 1.2) gives them only text, never another tag.
ANNOTATIONS = frozenset({"TIMEX3", "EVENT", "SIGNAL"})


@attrs.frozen
class NestedTags:
    """Tags found inside a TIMEX3, EVENT or SIGNAL element (the outer one, at ``line``): they
    are left out, their words stay the outer element's. ``first_line`` is the first one's."""

    tag: str
    ident: str
    line: int
    count: int
    first_line: int


@attrs.frozen
class TimeMLDocument:
    doc_id: str | None
    text: str
    dct: str | None
    timexes: tuple[TimeMLTimex, ...]
    events: tuple[Event, ...] = ()
    makeinstances: tuple[MakeInstance, ...] = ()
    signals: tuple[Signal, ...] = ()
    tlinks: tuple[Tlink, ...] = ()
    slinks: tuple[Slink, ...] = ()
    alinks: tuple[Alink, ...] = ()
    dct_timex: TimeMLTimex | None = None
    source: str | None = None
    nested: tuple[NestedTags, ...] = ()

    def timex_by_id(self) -> dict[str, TimeMLTimex]:
        out = {t.tid: t for t in self.timexes}
        if self.dct_timex is not None:
            out[self.dct_timex.tid] = self.dct_timex
        return out


_ID_ATTRIBUTES = {"TIMEX3": "tid", "EVENT": "eid", "SIGNAL": "sid"}


def _bool(value: str | None) -> bool | None:
    if value is None:
        return None
    return value.strip().lower() == "true"


@attrs.define
class _Frame:
    tag: str
    attributes: dict[str, str]
    start: int
    line: int
    in_text: bool
    in_dct: bool
    chunk: int = 0
    # a tag inside a TIMEX3, EVENT or SIGNAL: left out (kept only to match its end tag)
    ignored: bool = False
    # for a TIMEX3, EVENT or SIGNAL: the tags left out inside it, and the first one's line
    tags_inside: int = 0
    first_inside: int = 0


class _Builder:
    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.chunks: list[str] = []
        self.length = 0
        self.depth_text = 0
        self.stack: list[_Frame] = []
        self.doc_id_parts: list[str] | None = None
        self.doc_id: str | None = None
        self.dct_timex: TimeMLTimex | None = None
        self.dct_text: list[str] = []
        self.in_dct = 0
        self.timexes: list[TimeMLTimex] = []
        self.events: list[Event] = []
        self.signals: list[Signal] = []
        self.makeinstances: list[MakeInstance] = []
        self.tlinks: list[Tlink] = []
        self.slinks: list[Slink] = []
        self.alinks: list[Alink] = []
        self.seen_text = False
        # The open TIMEX3, EVENT or SIGNAL: ignoring the tags inside it keeps the reader linear
        # (each element copies the words inside it), and those inside are counted.
        self.annotation: _Frame | None = None
        self.nested: list[NestedTags] = []

    # expat callbacks ---------------------------------------------------------------------
    def start(self, tag: str, attributes: dict[str, str]) -> None:
        line = int(self.parser.CurrentLineNumber)
        if self.annotation is not None:
            self.annotation.tags_inside += 1
            self.annotation.first_inside = self.annotation.first_inside or line
            self.stack.append(_Frame(tag, {}, self.length, line, False, False, ignored=True))
            return
        if tag == "TEXT":
            self.depth_text += 1
            self.seen_text = True
        elif tag == "DCT":
            self.in_dct += 1
        elif tag == "DOCID":
            self.doc_id_parts = []
        elif tag == "MAKEINSTANCE":
            self.makeinstances.append(
                MakeInstance(
                    eiid=attributes.get("eiid", ""),
                    event_id=attributes.get("eventID", ""),
                    line=line,
                    tense=attributes.get("tense"),
                    aspect=attributes.get("aspect"),
                    polarity=attributes.get("polarity"),
                    pos=attributes.get("pos"),
                    modality=attributes.get("modality"),
                    cardinality=attributes.get("cardinality"),
                    signal_id=attributes.get("signalID"),
                    attributes=attributes,
                )
            )
        elif tag == "TLINK":
            self.tlinks.append(
                Tlink(
                    lid=attributes.get("lid", ""),
                    rel_type=attributes.get("relType", ""),
                    line=line,
                    event_instance_id=attributes.get("eventInstanceID"),
                    time_id=attributes.get("timeID"),
                    related_to_event_instance=attributes.get("relatedToEventInstance"),
                    related_to_time=attributes.get("relatedToTime"),
                    signal_id=attributes.get("signalID"),
                    origin=attributes.get("origin"),
                    attributes=attributes,
                )
            )
        elif tag == "SLINK":
            self.slinks.append(
                Slink(
                    lid=attributes.get("lid", ""),
                    rel_type=attributes.get("relType", ""),
                    line=line,
                    event_instance_id=attributes.get("eventInstanceID"),
                    subordinated_event_instance=attributes.get("subordinatedEventInstance"),
                    signal_id=attributes.get("signalID"),
                    attributes=attributes,
                )
            )
        elif tag == "ALINK":
            self.alinks.append(
                Alink(
                    lid=attributes.get("lid", ""),
                    rel_type=attributes.get("relType", ""),
                    line=line,
                    event_instance_id=attributes.get("eventInstanceID"),
                    related_to_event_instance=attributes.get("relatedToEventInstance"),
                    signal_id=attributes.get("signalID"),
                    attributes=attributes,
                )
            )
        self.stack.append(
            _Frame(tag, dict(attributes), self.length, line, self.depth_text > 0, self.in_dct > 0,
                   len(self.chunks))
        )
        if tag == "TIMEX3" and self.in_dct:
            self.dct_text = []
        if tag in ANNOTATIONS:
            self.annotation = self.stack[-1]

    def end(self, tag: str) -> None:
        frame = self.stack.pop()
        if frame.ignored:
            return
        if frame is self.annotation:
            self.annotation = None
            if frame.tags_inside:
                ident = frame.attributes.get(_ID_ATTRIBUTES[tag], "")
                self.nested.append(NestedTags(tag, ident, frame.line, frame.tags_inside, frame.first_inside))
        a = frame.attributes
        if tag == "TEXT":
            self.depth_text -= 1
        elif tag == "DCT":
            self.in_dct -= 1
        elif tag == "DOCID":
            self.doc_id = "".join(self.doc_id_parts or []).strip() or None
            self.doc_id_parts = None
        elif tag == "TIMEX3":
            if frame.in_text:
                self.timexes.append(self._timex(frame, self._slice(frame)))
            elif frame.in_dct or a.get("functionInDocument") == "CREATION_TIME":
                timex = self._timex(frame, "".join(self.dct_text).strip())
                if self.dct_timex is None or frame.in_dct:
                    self.dct_timex = timex
        elif tag == "EVENT" and frame.in_text:
            self.events.append(
                Event(
                    eid=a.get("eid", ""),
                    event_class=a.get("class"),
                    start=frame.start,
                    end=self.length,
                    text=self._slice(frame),
                    line=frame.line,
                    attributes=a,
                )
            )
        elif tag == "SIGNAL" and frame.in_text:
            self.signals.append(
                Signal(a.get("sid", ""), frame.start, self.length, self._slice(frame),
                       frame.line)
            )

    def chars(self, data: str) -> None:
        if self.doc_id_parts is not None:
            self.doc_id_parts.append(data)
        if self.in_dct:
            self.dct_text.append(data)
        if self.depth_text:
            self.chunks.append(data)
            self.length += len(data)

    # helpers ------------------------------------------------------------------------------
    def _slice(self, frame: _Frame) -> str:
        # The element's text is exactly the character data received since it opened.
        return "".join(self.chunks[frame.chunk:])

    def _timex(self, frame: _Frame, text: str) -> TimeMLTimex:
        a = frame.attributes
        return TimeMLTimex(
            tid=a.get("tid", ""),
            type=a.get("type", ""),
            value=a.get("value", ""),
            start=frame.start if frame.in_text else -1,
            end=self.length if frame.in_text else -1,
            text=text,
            line=frame.line,
            mod=a.get("mod"),
            anchor_time_id=a.get("anchorTimeID"),
            begin_point=a.get("beginPoint"),
            end_point=a.get("endPoint"),
            temporal_function=_bool(a.get("temporalFunction")),
            function_in_document=a.get("functionInDocument"),
            quant=a.get("quant"),
            freq=a.get("freq"),
            attributes=a,
        )


def read_timeml(path: os.PathLike[str]) -> TimeMLDocument:
    """Read a TimeML document from the file at ``path`` (a :class:`~pathlib.Path`).

    Text is never taken for a file name: a document whose content happens to be a path must
    not make chrono open that path, so a ``str`` is refused here; parse text with
    :func:`parse_timeml`.
    """
    if not isinstance(path, os.PathLike):
        raise TypeError(
            f"read_timeml takes a Path, not {type(path).__name__}: parse text with parse_timeml"
        )
    location = Path(path)
    try:
        data = location.read_bytes()
    except OSError as error:
        raise TimeMLError(f"cannot read TimeML file: {error.strerror or error}",
                          source=str(location)) from error
    return _parse(data, str(location))


def parse_timeml(text: str, source: str | None = None) -> TimeMLDocument:
    """Parse the TimeML document ``text``; ``source`` names it in error messages. Never opens
    a file, whatever the text says."""
    return _parse(text.encode("utf-8"), source)


def _parse(data: bytes, source: str | None) -> TimeMLDocument:
    parser = expat.ParserCreate()
    builder = _Builder(parser)
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.chars
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        message = expat.errors.messages.get(error.code, str(error)) if error.code else str(error)
        raise TimeMLError(
            f"malformed TimeML (column {error.offset + 1}): {message}", error.lineno, source
        ) from error
    if not builder.seen_text:
        raise TimeMLError("no <TEXT> element: not a TimeML document", None, source)
    text = "".join(builder.chunks)
    dct = builder.dct_timex.value if builder.dct_timex is not None else None
    return TimeMLDocument(
        doc_id=builder.doc_id,
        text=text,
        dct=dct,
        timexes=tuple(builder.timexes),
        events=tuple(builder.events),
        makeinstances=tuple(builder.makeinstances),
        signals=tuple(builder.signals),
        tlinks=tuple(builder.tlinks),
        slinks=tuple(builder.slinks),
        alinks=tuple(builder.alinks),
        dct_timex=builder.dct_timex,
        source=source,
        nested=tuple(builder.nested),
    )


class _TimexLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...


def write_timeml(
    text: str,
    timexes: Iterable[_TimexLike],
    dct: str | None,
    doc_id: str | None,
) -> str:
    """Serialise ``text`` with ``timexes`` as TimeML (TempEval-3 layout).

    Overlapping or out-of-range expressions are skipped (TimeML tags cannot overlap); each timex
    gets ``tid="t1"…``; ``mod`` and ``temporalFunction`` are written when the objects carry them.
    """
    from xml.sax.saxutils import escape, quoteattr  # imports urllib: only when writing TimeML

    doc = doc_id or "document"
    parts = [
        '<?xml version="1.0" ?>\n',
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n',
        f"<DOCID>{escape(doc)}</DOCID>\n\n",
    ]
    if dct:
        parts.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(dct)} temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{escape(dct)}</TIMEX3></DCT>\n\n'
        )
    parts.append("<TEXT>")
    position = 0
    number = 0
    for timex in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if timex.start < position or timex.end > len(text) or timex.end <= timex.start:
            continue
        number += 1
        parts.append(escape(text[position:timex.start]))
        attributes = [f'tid="t{number}"', f"type={quoteattr(timex.type)}",
                      f"value={quoteattr(timex.value)}"]
        mod = getattr(timex, "mod", None)
        if mod:
            attributes.append(f"mod={quoteattr(str(mod))}")
        function = getattr(timex, "temporal_function", None)
        if function is not None:
            attributes.append(f'temporalFunction="{"true" if function else "false"}"')
            if function and dct:
                attributes.append('anchorTimeID="t0"')
        attributes.append('functionInDocument="NONE"')
        parts.append(f"<TIMEX3 {' '.join(attributes)}>")
        parts.append(escape(text[timex.start:timex.end]))
        parts.append("</TIMEX3>")
        position = timex.end
    parts.append(escape(text[position:]))
    parts.append("</TEXT>\n\n</TimeML>\n")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# Relation-only corpora keyed to TimeBank documents: TimeBank-Dense and MATRES


@attrs.frozen
class RelationRow:
    """One relation of a relation-only corpus, keyed to a TimeML document by ``doc_id``.

    ``source``/``target`` are ids as the TimeML document spells them: TimeBank-Dense names
    events by ``eid`` (``e12``) and times by ``tid`` (``t0``); MATRES rows name event instances,
    written here as ``ei12``. ``rel_type`` is a TimeML relType, or VAGUE.
    """

    doc_id: str
    source: str
    target: str
    rel_type: str
    line: int
    corpus: str
    words: tuple[str, str] | None = None


_TBDENSE_LABELS = {"a": "AFTER", "b": "BEFORE", "i": "INCLUDES", "ii": "IS_INCLUDED",
                   "s": "SIMULTANEOUS", "v": "VAGUE"}
_MATRES_LABELS = {"BEFORE": "BEFORE", "AFTER": "AFTER", "EQUAL": "SIMULTANEOUS", "VAGUE": "VAGUE"}


def read_relations(path: os.PathLike[str]) -> dict[str, tuple[RelationRow, ...]]:
    """Read a relation file (see :func:`parse_relations`) from ``path`` (a
    :class:`~pathlib.Path`; text is parsed with :func:`parse_relations`, never opened)."""
    if not isinstance(path, os.PathLike):
        raise TypeError(
            f"read_relations takes a Path, not {type(path).__name__}: parse text with parse_relations"
        )
    location = Path(path)
    try:
        text = location.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TimeMLError(f"cannot read relation file: {error}", source=str(location)) from error
    return parse_relations(text, str(location))


def parse_relations(text: str, source: str | None = None) -> dict[str, tuple[RelationRow, ...]]:
    """Parse a TimeBank-Dense (``doc id1 id2 label``, labels a/b/i/ii/s/v) or MATRES
    (``doc verb1 verb2 n1 n2 LABEL``, event instances ``ei<n>``) relation file, by doc id.

    The format is recognised per line by its number of columns; blank lines and ``#`` comments
    are skipped. A line of neither shape raises :class:`TimeMLError` with its line number.
    """
    rows: dict[str, list[RelationRow]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        fields = raw.split()
        if not fields or fields[0].startswith("#"):
            continue
        if len(fields) == 4 and fields[3] in _TBDENSE_LABELS:
            doc, first, second, label = fields
            row = RelationRow(doc, first, second, _TBDENSE_LABELS[label], number, "TimeBank-Dense")
        elif len(fields) == 6 and fields[5] in _MATRES_LABELS and fields[3].isdigit() and fields[4].isdigit():
            doc, word1, word2, n1, n2, label = fields
            row = RelationRow(doc, f"ei{n1}", f"ei{n2}", _MATRES_LABELS[label], number, "MATRES",
                              (word1, word2))
        else:
            raise TimeMLError(
                "not a TimeBank-Dense (doc id1 id2 a|b|i|ii|s|v) or MATRES "
                "(doc verb1 verb2 n1 n2 BEFORE|AFTER|EQUAL|VAGUE) relation line", number, source
            )
        rows.setdefault(row.doc_id, []).append(row)
    return {doc: tuple(found) for doc, found in rows.items()}
