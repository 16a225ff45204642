"""From a document's prose to claims."""

from consistency.extraction.claims import extract_claims

__all__ = ["extract_claims"]
