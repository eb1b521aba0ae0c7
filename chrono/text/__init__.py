"""Prose documents (.txt, .md, .html): ingest, sentences, events, anchoring and compilation."""
