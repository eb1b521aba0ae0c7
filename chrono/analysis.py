"""What the stages hand on about one document: a reader's output (``Compiled``) and everything
the rules see (``Analysis``: that plus the solved constraint network)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from chrono.cues import Cue
from chrono.model import Claim, Document, Event
from chrono.network import Solution
from chrono.problems import Problem

if TYPE_CHECKING:  # the tagger loads only where text is read
    from chrono.tagger.timex import Timex


@attrs.frozen
class Compiled:
    """What a reader makes of a document: its events, claims and input problems, and the
    temporal expressions it read (what the report highlights; offsets into the document's text)."""

    document: Document
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    problems: tuple[Problem, ...] = ()
    timexes: tuple[Timex, ...] = ()
    cues: tuple[Cue, ...] = ()  # facts for the rules to judge (chrono.cues)


@attrs.frozen
class Analysis:
    """Everything known about one document when the rules run."""

    document: Document
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    problems: tuple[Problem, ...] = ()
    solution: Solution | None = None
    # indices of claims that are implied by the model (an event's start <= end)
    structural: frozenset[int] = frozenset()
    timexes: tuple[Timex, ...] = ()
    cues: tuple[Cue, ...] = ()
