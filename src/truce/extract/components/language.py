"""Component `language`: the report's language, its sentences, their tokens and lemmas.

The first component, as spaCy's tokenizer is: the language decides the analyser, and
every component after it reads the tokens and lemmas made here, once per report.
"""

from __future__ import annotations

from truce.extract.doc import Doc, Sentence
from truce.extract.language import detect_language
from truce.extract.morphology import tokenize
from truce.extract.sentences import split_sentences


def language(doc: Doc) -> Doc:
    """Tell the language (a declared `lang` is believed) and split into sentences."""
    doc.lang = detect_language(doc.text, doc.report.lang)
    doc.sentences = [
        Sentence(i, sentence, tokenize(sentence, doc.lang))
        for i, (_, sentence) in enumerate(split_sentences(doc.text))
    ]
    return doc
