"""The text layer: folded views with offset maps, tokens and sentences of title and text."""
from __future__ import annotations

from ..doc import Doc
from ..pipeline import stage
from ..text.normalize import view
from ..text.sentences import split
from ..text.tokens import tokenize

FIELDS = ("title", "text")


@stage("text", provides=("views", "tokens", "sentences"))
def build():
    def run(doc: Doc) -> Doc:
        for name in FIELDS:
            v = view(doc.field_text(name))
            doc.views[name] = v
            doc.tokens[name] = tokenize(v.text)
            doc.sentences[name] = split(v.text)
        return doc

    return run
