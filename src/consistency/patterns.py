"""Rule patterns: phrase templates compiled into matchers over a sentence's claims.

A template is a sequence of tokens:

- `{role}` or `{role:kind}` binds one extracted claim (of that kind: currency, count, percent...);
- `(from|compared with)` is a set of cue phrases, one of which must stand there (`(from)` is a set
  of one);
- `~` skips up to ten words (never a claim) up to the next token;
- anything else is literal text ("(", ",", "or about").

The compiler writes the regular expression itself from these tokens, escaping all text, so a rule
file cannot inject a pattern of its own. Every skip is atomic and stops at the first place the next
token could start, so matching a sentence takes time linear in its length, whatever the template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, get_args

from consistency.errors import ConsistencyError
from consistency.models import Claim, ClaimKind

CLAIM_KINDS: Final = frozenset(get_args(ClaimKind))
_MARK_OPEN: Final = "\x02"
_MARK_CLOSE: Final = "\x03"
_TOKEN: Final = re.compile(
    r"\{(?P<role>[a-z_]+)(?::(?P<kind>[a-z_]+))?\}|\((?P<cues>[^(){}~]*[A-Za-z][^(){}~]*)\)|(?P<gap>~)|(?P<text>[^\s{}~]+)"
)
# Each punctuation mark that stops a skip, with a space on either side (the colon is spaced apart).
_SPACED_PUNCTUATION: Final = tuple((mark, f" {mark} ") for mark in ",;()[]")
_WORD_RUN: Final = re.compile(r"[a-z0-9]+")
# Letters that case-blind matching takes for ASCII ones but lower() leaves apart: dotless i, long s.
_ASCII_FOLD: Final = str.maketrans({"ı": "i", "ſ": "s"})
# For ASCII text: capitals to small letters, letters and digits kept, every other byte a space.
_RUN_BYTES: Final = bytes(
    byte + 32 if 65 <= byte <= 90 else byte if chr(byte).isascii() and chr(byte).isalnum() else 32
    for byte in range(256)
)
MAX_TOKENS: Final = 24
# A word starts here: no letter or digit before it.
_WORD_START: Final = r"(?<![A-Za-z0-9])"
MAX_SKIPPED_WORDS: Final = 10


@dataclass(frozen=True, slots=True)
class Pattern:
    """A compiled template: its text, the roles it binds, and the matcher."""

    template: str
    roles: tuple[str, ...]
    regex: re.Pattern[str]
    requires: tuple[str, ...] = ()  # text any match must contain: typed markers, literal words
    kinds: frozenset[str] = frozenset()  # the claim kinds its typed roles need
    words: frozenset[str] = frozenset()  # the letter-and-digit runs of its literal text
    cue_runs: tuple[tuple[frozenset[str], ...], ...] = ()  # per cue set, the runs of each of its cues

    def may_match(self, runs: frozenset[str]) -> bool:
        """Whether a text whose word runs (see `word_runs`) are `runs` may match: the runs of the
        literal text all occur, and for each cue set, all runs of one of its cues do.

        A necessary condition only, tested before any text is marked or searched.
        """
        return self.words <= runs and all(any(cue <= runs for cue in cues) for cues in self.cue_runs)


def contains_all(text: str, parts: tuple[str, ...]) -> bool:
    """Whether every one of `parts` occurs in `text`."""
    # A plain loop: this runs for every sentence and pattern, and a generator costs more than the test.
    for part in parts:  # noqa: SIM110
        if part not in text:
            return False
    return True


def compile_pattern(template: str, *, path: str = "<rule>", line: int | None = None) -> Pattern:
    """Compile a template into a matcher; a malformed template is a one-line error."""
    pieces: list[str] = []
    roles: list[str] = []
    requires: list[str] = []
    words: set[str] = set()
    cue_runs: list[tuple[frozenset[str], ...]] = []
    position = 0
    tokens = list(_TOKEN.finditer(template))
    if not tokens or len(tokens) > MAX_TOKENS:
        raise ConsistencyError(f"pattern {template!r} needs 1 to {MAX_TOKENS} tokens", path=path, line=line)
    for match in tokens:
        if template[position : match.start()].strip():
            raise ConsistencyError(
                f"pattern {template!r}: cannot read {template[position : match.start()]!r}",
                path=path,
                line=line,
            )
        position = match.end()
        if match.group("role"):
            role, kind = match.group("role"), match.group("kind")
            if role in roles:
                raise ConsistencyError(f"pattern {template!r} binds {role!r} twice", path=path, line=line)
            if kind is not None and kind not in CLAIM_KINDS:
                raise ConsistencyError(f"pattern {template!r}: unknown kind {kind!r}", path=path, line=line)
            roles.append(role)
            if kind is not None:
                requires.append(f"{_MARK_OPEN}{kind}:")
            pieces.append(rf"{_MARK_OPEN}(?:{kind or '[a-z_]+'}):(?P<{role}>\d+){_MARK_CLOSE}")
        elif match.group("cues"):
            cues = [c.strip() for c in match.group("cues").split("|") if c.strip()]
            pieces.append(_cue_group(cues))
            cue_runs.append(tuple(frozenset(word_runs(cue)) for cue in cues))
        elif match.group("gap"):
            pieces.append("GAP")
        else:
            pieces.append(_literal(match.group("text")))
            requires.append(match.group("text").lower())
            words.update(word_runs(match.group("text")))
    if template[position:].strip():
        raise ConsistencyError(
            f"pattern {template!r}: cannot read {template[position:]!r}", path=path, line=line
        )
    if not roles:
        raise ConsistencyError(f"pattern {template!r} binds no claim", path=path, line=line)
    kinds = frozenset(part[1:-1] for part in requires if part.startswith(_MARK_OPEN))
    regex = re.compile(_join(pieces), re.IGNORECASE)
    return Pattern(template, tuple(roles), regex, tuple(requires), kinds, frozenset(words), tuple(cue_runs))


def word_runs(text: str) -> list[str]:
    """The runs of ASCII letters and digits in `text`, lower-cased: what whole-word matching can see.

    A literal that matches at a word boundary has each of its runs standing whole in the text, so a
    text whose runs lack one cannot match: the test that spares most regex runs.
    """
    if text.isascii():
        # One byte table and a split: several times quicker than the regex, with the same runs.
        return text.encode("ascii").translate(_RUN_BYTES).decode("ascii").split()
    return _WORD_RUN.findall(folded(text))


def folded(text: str) -> str:
    """`text` lower-cased as case-blind matching reads it: dotless i and long s count as i and s."""
    return text.lower().translate(_ASCII_FOLD)


def _literal(text: str) -> str:
    """Literal text, its words separated by any run of spaces; words match whole."""
    words = []
    for word in text.split():
        escaped = re.escape(word)
        if word[0].isalnum():
            escaped = _WORD_START + escaped
        if word[-1].isalnum():
            escaped += r"(?![A-Za-z0-9])"
        words.append(escaped)
    return r"\s+".join(words)


def _cue_group(cues: list[str]) -> str:
    """One of several cue phrases, ending a word.

    When every cue starts a word, the test for a word start comes once before them all: inside a
    word it fails at once, instead of once per cue, and a search tries every offset of a sentence.
    """
    literals = [_literal(cue) for cue in cues]
    if all(literal.startswith(_WORD_START) for literal in literals):
        bodies = "|".join(literal[len(_WORD_START) :] for literal in literals)
        return f"{_WORD_START}(?:{bodies})(?![A-Za-z])"
    return "(?:" + "|".join(literals) + r")(?![A-Za-z])"


def _join(pieces: list[str]) -> str:
    """Join tokens with optional space; a skip becomes an atomic run of non-claim words."""
    out = []
    for index, piece in enumerate(pieces):
        if piece == "GAP":
            following = next((p for p in pieces[index + 1 :] if p != "GAP"), None)
            if following is not None and following.startswith(_MARK_OPEN):
                following = _MARK_OPEN  # a skip never crosses a claim; the role's group stays single
            stop = f"(?!{following})" if following else ""
            word = rf"(?:{stop}[^\s{_MARK_OPEN}{_MARK_CLOSE}]+\s*)"
            out.append(rf"(?>{word}{{0,{MAX_SKIPPED_WORDS}}})")
        else:
            out.append(piece + r"\s*")
    return "".join(out)


def marked_sentence(prose: str, start: int, end: int, claims: list[tuple[int, Claim]]) -> str:
    """The sentence `prose[start:end]` with each claim replaced by a marker naming its kind and index.

    `claims` pairs each claim with its index in the document's claim list, in reading order.
    """
    # Punctuation stands apart from words, so a skip of words stops at a comma or a bracket. A marker
    # holds a colon, so colons are spaced in the prose between markers; the other marks never occur
    # in a marker and are spaced once over the whole sentence.
    parts = []
    at = start
    for index, claim in claims:
        parts.append(prose[at : claim.prose_start].replace(":", " : "))
        parts.append(f" {_MARK_OPEN}{claim.kind}:{index}{_MARK_CLOSE} ")
        at = claim.prose_end
    parts.append(prose[at:end].replace(":", " : "))
    return " ".join(_spaced("".join(parts)).split())


def _spaced(text: str) -> str:
    """`text` with a space on either side of each punctuation mark but the colon that stops a skip."""
    # One `replace` per mark present is several times quicker than a regex with a replacement template.
    for mark, spaced in _SPACED_PUNCTUATION:
        if mark in text:
            text = text.replace(mark, spaced)
    return text
