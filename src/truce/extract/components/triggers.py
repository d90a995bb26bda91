"""Component `triggers`: the words that report a strike, and what rules one out.

"struck", "обстріляли", "атаковали" report a strike by themselves; a weak word ("fell",
"fire") only beside what was hit (decided by `negation`). Found here too: talk of
strikes ("a ban on strikes"), "no hits were recorded", and causes that are no attack
("a gas leak"), which the `incident` component weighs for the whole report.
"""

from __future__ import annotations

from truce.extract.doc import Doc


def triggers(doc: Doc) -> Doc:
    language = doc.pack
    for s in doc.sentences:
        s.strike_words = language.triggers.find(s.tokens, s.text)
        s.talk = bool(language.talk.find(s.tokens, s.text))
        s.no_hits = bool(language.no_hits.find(s.tokens, s.text))
        s.accident = bool(language.accidents.find(s.tokens, s.text))
    return doc
