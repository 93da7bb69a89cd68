"""The one form in which a person's name is compared: watchlists, the residents registry and tracing.

Names reach the station typed by an operator, read from a pass or a certificate, or imported from a list
some office typed, so one name comes in many spellings. :func:`normalise_name` folds the ones that are the
same name:

* **NFKC**: full-width letters and digits, compatibility ideographs and other look-alike code points
  become their ordinary form;
* **invisible characters and separators removed**: all white space (a space is often typed between
  family and given name: 欧阳 娜娜), every format character (zero-width space, joiners, word joiner,
  byte-order mark, direction marks, soft hyphen: Unicode category Cf) and the middle dot of transcribed
  names in its several spellings (阿卜杜·艾尼, 阿卜杜・艾尼, 阿卜杜艾尼);
* **traditional -> simplified Chinese**, character by character (歐陽娜娜 is 欧阳娜娜), with OpenCC's
  table (``t2s_table``, frozen);
* **case folded** (Latin and other cased scripts: ``Müller`` and ``MÜLLER`` are one name).

What it does not do: reorder (``ERIKA MUSTERMANN`` is not ``MUSTERMANN ERIKA``), transliterate (pinyin is
not Chinese), or fold characters that are different names (于 and 余). A few traditional characters fold
onto a simplified one that is also a surname of its own (於 -> 于, 乾 -> 干): a search by the one finds
both, which tracing accepts (a person checks the hits) rather than missing one.

Storage hashes this form (a keyed hash, ``storage/pii.py``), so the form is part of what is stored:
changing it needs a migration that hashes every stored name again.
"""

from __future__ import annotations

import functools
import unicodedata

from checkpoint.domain.t2s_table import PAIRS

__all__ = ["clean_name", "normalise_name"]

_MIDDLE_DOTS = "\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff65\u0387\u16eb\u2e31"

_T2S = {ord(PAIRS[i]): PAIRS[i + 1] for i in range(0, len(PAIRS), 2)}
_DROP = dict.fromkeys(map(ord, _MIDDLE_DOTS))


def clean_name(name: str) -> str:
    """A name as imported lists keep it for display: NFKC, without white space or invisible characters,
    its script and case as given (``normalise_name`` is what it is compared in)."""
    folded = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch) != "Cf")


@functools.lru_cache(maxsize=8192)
def normalise_name(name: str) -> str:
    """``name`` in the one form names are compared (and hashed) in; "" for a name of nothing but spaces
    and invisible characters."""
    folded = unicodedata.normalize("NFKC", name)
    kept = "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch) != "Cf").translate(
        _DROP
    )
    # NFKC again: case folding can leave a form NFKC composes (so a second fold changes nothing)
    return unicodedata.normalize("NFKC", kept.translate(_T2S).casefold())
