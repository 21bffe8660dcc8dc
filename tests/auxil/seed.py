"""Paths of the repository's test data and the one seed article every suite asks about."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
FIXTURES = REPO / "tests" / "fixtures"
SEED = REPO / "examples" / "seed-bbn-ushakov.txt"
SEED_QUESTION = "What did Ushakov say about Iran?"
SEED_QUOTE = (
    "Ushakov juga menyebutkan bahwa Trump dan Putin membahas Iran dan situasi di Timur Tengah "
    "“secara cukup rinci”."
)
