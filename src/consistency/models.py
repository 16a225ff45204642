"""The typed values that cross module boundaries: front matter and claims."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ClaimKind = Literal[
    "count", "currency", "percent", "percentage_point", "physical", "date", "duration", "ratio"
]


class FrontMatter(BaseModel):
    """Article metadata from YAML front matter: what anchors dates, rates and a bare `$`."""

    model_config = ConfigDict(frozen=True, extra="allow")

    date: dt.date | None = None
    currency: str | None = None


class Claim(BaseModel):
    """One numeric mention: what the writer committed to, as an interval with a unit.

    `low <= nominal <= high` are in the claim's own unit (3 billion yuan is 3e9 CNY, 25% is 25,
    "six months" is 6 month). Dates carry proleptic ordinal days and their ISO form in `iso`.
    `start`/`end` are character offsets in the source file; `line`/`column` are 1-based.
    """

    model_config = ConfigDict(frozen=True)

    text: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    sentence: int
    kind: ClaimKind
    unit: str
    qualifier: str | None
    low: float
    nominal: float
    high: float
    iso: str | None = None
    # Offsets in the document's prose, where rules match claims against the words around them.
    prose_start: int = Field(default=-1, exclude=True)
    prose_end: int = Field(default=-1, exclude=True)

    def json_dict(self) -> dict[str, object]:
        """The claim as DESIGN.md's JSON shape: position, kind, unit, interval, qualifier."""
        out: dict[str, object] = {
            "text": self.text,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "kind": self.kind,
            "unit": self.unit,
            "low": self.low,
            "nominal": self.nominal,
            "high": self.high,
            "qualifier": self.qualifier,
            "sentence": self.sentence,
        }
        if self.iso is not None:
            out["iso"] = self.iso
        return out
