"""The corpus as one timeline: each document's summary of its linkable events (``summary``), the
keys that link them (``keys``), the shuffle by key and the reduce to contradictions
(``linking``), reference timelines (``reference``), corpus archives as input (``archives``)."""
