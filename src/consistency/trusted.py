"""Claims built from fields the extractor has already typed, without validating them again.

A module of its own so that mypyc compiles it: it runs for every claim of every article, while the
pydantic models it builds stay interpreted.
"""

from __future__ import annotations

from typing import Any, Final

from pydantic import BaseModel

from consistency.models import Claim

_CLAIM_FIELDS: Final = frozenset(Claim.model_fields)
# The setters of the four slots every pydantic model has, taken once: calling them directly costs
# half as much as `object.__setattr__`, which looks each name up on the class first.
_SET_DICT: Final = BaseModel.__dict__["__dict__"].__set__
_SET_FIELDS_SET: Final = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA: Final = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE: Final = BaseModel.__dict__["__pydantic_private__"].__set__
# `object.__new__`, taken once: looking `__new__` up on the model class goes through its metaclass.
_NEW: Final = object.__new__


def trusted_claim(fields: dict[str, Any]) -> Claim:
    """A claim from fields the extractor has already typed, without validating them again.

    Validation costs more than the rest of building a claim; the extractor's values are floats,
    ints and strings by construction, and a test checks this equals the validated model.
    """
    claim: Claim = _NEW(Claim)
    _SET_DICT(claim, fields)
    _SET_FIELDS_SET(claim, _CLAIM_FIELDS)
    _SET_EXTRA(claim, None)
    _SET_PRIVATE(claim, None)
    return claim
