"""Times: every date or time expression, resolved to an ISO value against the publication date."""
from __future__ import annotations

from datetime import date

from ..doc import Doc, Time
from ..pipeline import stage
from ..times.find import find
from .text import FIELDS

# Expressions that name their date outright are surer than those resolved from the context.
_CONFIDENCE = {"date": 0.95, "numeric": 0.9, "month-year": 0.95, "year": 0.9, "relative-day": 0.9,
               "weekday": 0.8, "day-of-month": 0.85, "month": 0.75, "ago": 0.6, "period": 0.7}


_FRAME_WORDS = frozenset({"يوم", "في", "فجر", "صباح", "مساء", "ليله", "ظهر", "عصر", "نهار"})


def _core(folded: str) -> str:
    """"يوم الأربعاء" and "الأربعاء" with one value are one expression."""
    return " ".join(w for w in folded.split() if w not in _FRAME_WORDS)


@stage("times", requires=("views", "sentences"), provides=("times",))
def build():
    def run(doc: Doc) -> Doc:
        pub = date.fromisoformat(doc.published) if doc.published else None
        out = []
        seen = set()
        weekdays: dict = {}
        for fld in FIELDS:
            for f in find(doc.views[fld].text, pub, doc.sentences[fld], weekdays):
                key = (_core(doc.views[fld].text[f.start:f.end]), f.value)
                if key in seen:  # one record per distinct expression and value, as gold counts them
                    continue
                seen.add(key)
                span = doc.raw_span(fld, f.start, f.end)
                out.append(Time(doc.span_text(span), f.value, span, f"rule:time:{f.rule}", _CONFIDENCE[f.rule]))
        doc.times = out
        return doc

    return run
