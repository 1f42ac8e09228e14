"""The test tiers: the quick tier runs one case of each exhaustive sweep, the sweep tier the rest."""
import pytest


def sweep(cases, quick) -> list:
    """The cases of an exhaustive sweep as parameters: those named in `quick` run in the quick tier, the
    rest carry the `sweep` mark (scripts/test.sh runs them after the quick tier, on two processes too)."""
    return [case if case in quick else pytest.param(*(case if isinstance(case, tuple) else (case,)),
                                                    marks=pytest.mark.sweep) for case in cases]
