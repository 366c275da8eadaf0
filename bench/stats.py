"""Summaries of repeated measurements: median, range, p95, and what failed."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    """Repeated timings (seconds) or sizes; `failures` counts runs with none."""

    values: tuple[float, ...]
    failures: tuple[str, ...] = ()

    @classmethod
    def of(
        cls, values: Sequence[float | None], failures: Sequence[str] = ()
    ) -> Summary:
        return cls(tuple(v for v in values if v is not None), tuple(failures))

    @property
    def ok(self) -> bool:
        """Every run gave a value."""
        return bool(self.values) and not self.failures

    @property
    def median(self) -> float | None:
        return statistics.median(self.values) if self.values else None

    @property
    def low(self) -> float | None:
        return min(self.values) if self.values else None

    @property
    def high(self) -> float | None:
        return max(self.values) if self.values else None

    @property
    def p95(self) -> float | None:
        """The nearest-rank 95th percentile."""
        if not self.values:
            return None
        ordered = sorted(self.values)
        return ordered[max(math.ceil(0.95 * len(ordered)) - 1, 0)]
