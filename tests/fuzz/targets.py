"""Fuzz targets: what must hold for any bytes at all, shared by the atheris harness and the tests.

Any input either checks (deterministically, with findings placed inside the text) or is refused with
the one-line error the command line prints; nothing else may escape.
"""

from __future__ import annotations

import math

from consistency.document import parse_document
from consistency.errors import ConsistencyError
from consistency.extraction import extract_claims
from consistency.runner import check_text, settings
from consistency.units import vocabulary

RUN = settings(explain=True)


def check_bytes(data: bytes) -> None:
    """Decode as the reader does, then extract and check twice; raise AssertionError on any slip."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # the reader refuses it with a one-line error before any parsing
    if "\x00" in text:
        return  # likewise: binary content
    try:
        document = parse_document(text, path="fuzz.md")
    except ConsistencyError as error:
        assert "\n" not in str(error), "errors are one line"
        return
    claims = extract_claims(document, vocabulary())
    for claim in claims:
        assert 0 <= claim.start <= claim.end <= len(text), claim
        assert math.isfinite(claim.low) and math.isfinite(claim.high), claim
        assert claim.low <= claim.nominal <= claim.high, claim
    report = check_text(text, RUN, path="fuzz.md")
    lines = text.count("\n") + 1
    for finding in report.findings:
        assert 1 <= finding.line <= lines, finding
    assert check_text(text, RUN, path="fuzz.md").model_dump() == report.model_dump(), "not deterministic"
