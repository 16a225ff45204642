"""From rows of figures found in the prose to claims that point at their place in the source."""

from __future__ import annotations

from consistency.document import Document
from consistency.extraction.dates import DateMention
from consistency.models import Claim, ClaimKind
from consistency.trusted import trusted_claim

# What a claim is built from: prose start and end, kind, unit, qualifier, low, nominal, high, ISO date.
Row = tuple[int, int, ClaimKind, str, str | None, float, float, float, str | None]


def build_claims(document: Document, rows: list[Row]) -> list[Claim]:
    """Claims from rows sorted by start, mapping positions with cursors that only move forward."""
    doc = document
    prose, source = doc.prose, doc.source
    seg_prose, seg_source, seg_exact = doc.segment_prose, doc.segment_source, doc.segment_exact
    line_starts, sentence_starts = doc.line_starts, doc.sentence_starts
    n_segments, n_lines, n_sentences = len(seg_prose), len(line_starts), len(sentence_starts)
    segment = line = sentence = 0
    claims = []
    for start, end, kind, unit, qualifier, low, nominal, high, iso in rows:
        while segment + 1 < n_segments and seg_prose[segment + 1] <= start:
            segment += 1
        source_start = seg_source[segment] + (start - seg_prose[segment] if seg_exact[segment] else 0)
        while line + 1 < n_lines and line_starts[line + 1] <= source_start:
            line += 1
        while sentence + 1 < n_sentences and sentence_starts[sentence + 1] <= start:
            sentence += 1
        if seg_exact[segment] and (segment + 1 == n_segments or end <= seg_prose[segment + 1]):
            source_end = source_start + end - start  # the whole claim lies in one exact segment
        else:
            source_end = doc.source_offset(end - 1) + 1
        column = source_start - line_starts[line] + 1
        if source.find("\n", source_start, source_end) < 0:
            end_line, end_column = line + 1, column + source_end - source_start
        else:
            end_line, end_column = doc.line_column(source_end)
        text = prose[start:end]
        if "\n" in text or "  " in text:
            text = " ".join(text.split())
        claims.append(
            trusted_claim(
                {
                    "text": text,
                    "start": source_start,
                    "end": source_end,
                    "line": line + 1,
                    "column": column,
                    "end_line": end_line,
                    "end_column": end_column,
                    "sentence": sentence,
                    "kind": kind,
                    "unit": unit,
                    "qualifier": qualifier,
                    "low": low,
                    "nominal": nominal,
                    "high": high,
                    "iso": iso,
                    "prose_start": start,
                    "prose_end": end,
                }
            )
        )
    return claims


def date_row(d: DateMention) -> Row:
    """A date's row: its first and last day as proleptic ordinals, with its ISO form."""
    first = float(d.first.toordinal()) if d.first else 0.0
    last = float(d.last.toordinal()) if d.last else 0.0
    return (d.start, d.end, "date", "day", None, first, (first + last) / 2, last, d.iso)
