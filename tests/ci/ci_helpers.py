"""Helpers for the CI-integration tests: every test drives the real CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path

CLEAN = """\
# A clean timeline.
dct: 2025-04-24
events:
  - id: incursion
    text: Forces cross the border
    on: 2024-08-06
  - id: sudzha
    text: Sudzha captured
    on: 2024-08
  - id: recapture
    text: Territory recaptured
    end: by 2025-03
relations:
  - sudzha after incursion
  - recapture after sudzha
"""

# The same with an impossible end: the recapture ends before the capture it follows.
CONFLICT = CLEAN.replace("end: by 2025-03", "end: by 2024-03")


class Run:
    def __init__(self, proc: subprocess.CompletedProcess[str]) -> None:
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def __repr__(self) -> str:
        return f"Run(code={self.code}, out={self.out[:2000]!r}, err={self.err[:2000]!r})"


def run_chrono(
    args: Sequence[str],
    cwd: Path,
    env: dict[str, str] | None = None,
    prelude: str = "",
) -> Run:
    """``python -m chrono ARGS`` in ``cwd`` (``prelude``: Python run first, e.g. to patch)."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CHRONO_CACHE_DIR")}
    full_env.update(env or {})
    if prelude:
        main = "\nimport sys\nfrom chrono.cli import main\nsys.exit(main(sys.argv[1:]))\n"
        code = textwrap.dedent(prelude) + main
        command = [sys.executable, "-c", code, *args]
    else:
        command = [sys.executable, "-m", "chrono", *args]
    proc = subprocess.run(command, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=300)
    return Run(proc)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


Chrono = Callable[..., Run]


def on_pty(args: Sequence[str], cwd: Path, env: dict[str, str], stream: str) -> str:
    """Run the CLI with ``stream`` ("stdout" or "stderr") on a pseudo-terminal, the other one
    discarded; return what it printed there."""
    import pty

    leader, follower = pty.openpty()
    outputs = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, stream: follower}
    proc = subprocess.Popen([sys.executable, "-m", "chrono", *args], cwd=cwd, env=env, **outputs)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")
