"""chrono: a chronology and timeline-consistency checker."""

from __future__ import annotations

__version__ = "0.1.0"
