"""Shared fixtures. Tests that read ../shared skip with a reason where it is absent (a fresh clone
without the project's shared data); .ci/run checks that it is present, so CI never skips them."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("HADATH_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        if os.environ.get("HADATH_REQUIRE_SHARED"):
            pytest.fail(f"shared data not found at {SHARED}; .ci/run requires it")
        pytest.skip(f"shared data not found at {SHARED} (set HADATH_SHARED to its path)")
    return SHARED
