"""Hypothesis profiles for the whole suite.

``ci`` (the default) runs the same examples on every run, so a red build is never a roll of the
dice and the suite stays fast. ``thorough`` explores: many more examples, a fresh random draw each
time, failures kept in the local example database to be replayed. Choose one with
``python -m pytest --hypothesis-profile=thorough`` or ``HYPOTHESIS_PROFILE=thorough``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Both profiles: no per-example deadline and no timing health check, because the suite shares
# small machines with other jobs and timings there are noise (the scaling tests measure speed).
settings.register_profile(
    "ci",
    max_examples=100,
    derandomize=True,  # examples seeded from each test's own code: the same on every run
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "thorough",
    max_examples=5000,
    derandomize=False,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
