"""Vietnamese text handling for search: folding, query cleaning, scoring and
highlighting. Pure Python, the same on every backend."""

import re
import unicodedata
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 12
WORD_RE = re.compile(r"\w+")
_FOLD_CACHE = {}


def _fold_char(char):
    folded = _FOLD_CACHE.get(char)
    if folded is None:
        if char in "đĐ":
            folded = "d"
        else:
            folded = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).lower()
        _FOLD_CACHE[char] = folded
    return folded


def fold(text):
    """Lower-case ``text`` and drop its diacritics, đ becoming d:
    "Xây dựng Đảng" → "xay dung dang"."""
    if not text:
        return ""
    return "".join(_fold_char(c) for c in unicodedata.normalize("NFC", str(text)))


@lru_cache(maxsize=20000)
def fold_word(word):
    """``fold`` for one word, remembered: a language has few syllables, and
    scoring folds the same ones over and over."""
    return fold(word)


def fold_with_offsets(text):
    """The folded text and, for each of its characters, the index of the
    character of ``text`` (NFC) it came from."""
    text = unicodedata.normalize("NFC", text)
    out, offsets = [], []
    for i, char in enumerate(text):
        for folded in _fold_char(char):
            out.append(folded)
            offsets.append(i)
    return text, "".join(out), offsets


def words(text):
    """Lower-cased words of ``text`` with their marks kept, punctuation gone."""
    return WORD_RE.findall(unicodedata.normalize("NFC", str(text or "")).lower())


class SearchQuery:
    """What a reader typed, cleaned: lone "-" and other punctuation dropped,
    at most MAX_QUERY_WORDS words of MAX_QUERY_CHARS characters."""

    def __init__(self, raw):
        raw = (raw or "")[: MAX_QUERY_CHARS * 5]
        self.raw = raw.strip()[:MAX_QUERY_CHARS]
        self.words = [w for w in words(raw[: MAX_QUERY_CHARS * 2]) if w.strip("_")][:MAX_QUERY_WORDS]
        self.folded = [fold(w) for w in self.words]
        self.text = " ".join(self.words)
        self.folded_text = " ".join(self.folded)

    def __bool__(self):
        return bool(self.words)

    def score(self, title, text=""):
        """Relevance of a candidate from its title and its lead or body text.

        Per field (title weighs 3, text 1): each query word found folded
        scores 1, found with the typed marks 0.5 more; the words side by side
        in the typed order (a phrase) score 2 per word pair folded, and 1 more
        with the typed marks."""
        return 3 * self._field_score(title) + self._field_score(text)

    def _field_score(self, value):
        exact = words(value)
        if not exact:
            return 0.0
        folded = [fold_word(w) for w in exact]
        exact_set, folded_set = set(exact), set(folded)
        score = 0.0
        for word, fword in zip(self.words, self.folded):
            if fword in folded_set:
                score += 1
                if word in exact_set:
                    score += 0.5
        if len(self.words) > 1:
            pairs_f = set(zip(folded, folded[1:]))
            pairs_e = set(zip(exact, exact[1:]))
            for i in range(len(self.words) - 1):
                if (self.folded[i], self.folded[i + 1]) in pairs_f:
                    score += 2
                    if (self.words[i], self.words[i + 1]) in pairs_e:
                        score += 1
        return score

    def _spans(self, text):
        """(start, end) of every query word in ``text``, matched folded."""
        if not self.folded:
            return text, []
        text, folded, offsets = fold_with_offsets(text)
        pattern = re.compile(
            r"(?<!\w)(" + "|".join(re.escape(w) for w in sorted(set(self.folded), key=len, reverse=True)) + r")(?!\w)"
        )
        spans = []
        for match in pattern.finditer(folded):
            start = offsets[match.start()]
            end = offsets[match.end() - 1] + 1
            spans.append((start, end))
        return text, spans

    def highlight(self, text, length=None):
        """``text`` escaped, with the query's words wrapped in <mark>,
        with or without the typed marks ("dang" marks "Đảng" too). With
        ``length``, an excerpt of about that many characters around the first
        match."""
        text = str(text or "")
        text, spans = self._spans(text)
        prefix = suffix = ""
        if length and len(text) > length:
            first = spans[0][0] if spans else 0
            start = max(0, first - length // 3)
            if start:
                space = text.find(" ", start)
                start = space + 1 if 0 <= space < first else start
                prefix = "… "
            end = min(len(text), start + length)
            if end < len(text):
                space = text.rfind(" ", start, end)
                end = space if space > start else end
                suffix = " …"
            spans = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
            text = text[start:end]
        parts, last = [prefix], 0
        for start, end in spans:
            parts.append(escape(text[last:start]))
            parts.append(f"<mark>{escape(text[start:end])}</mark>")
            last = end
        parts.append(escape(text[last:]))
        parts.append(suffix)
        return mark_safe("".join(parts))
