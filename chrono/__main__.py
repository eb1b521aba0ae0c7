"""`python -m chrono` runs the command-line interface."""

from chrono.cli import main

raise SystemExit(main())
