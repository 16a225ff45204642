"""From a document's prose to claims."""

from consistency.extract.claims import extract_claims

__all__ = ["extract_claims"]
