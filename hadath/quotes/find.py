"""Quotations with their speakers.

Two sources, merged:
- direct quotations between quotation marks (hadath.quotes.marks), attributed through the speech
  cue before them in the sentence ("قال X: “…”"), or right after them ("“…”، قال X"), or a colon;
- reported speech: a speech cue, its subject, then أن/إن and the claim, to the end of the sentence
  or the next cue ("قال ترامب إنها كارثة"); "أكد" and "نفى" also take a claim without أن ("أكد
  قآاني عدم رغبته بالتصعيد").
The speaker is the actor mention right after the cue (verb-subject order), or right before it
(subject-verb order); a cue with no subject of its own ("وأضاف:") continues the previous speaker.
The quote's text starts at أن/إن so that it holds the claim however a reader cuts its start.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from ..doc import Doc, Mention, Participant, Quote, Span
from ..lexicon.tsv import read_table, variants
from ..text.normalize import fold
from .marks import quoted

DATA = Path(__file__).parent / "data"
_THAT = regex.compile(r"(?<![\p{L}])(?:[وف]?[بل]?)(?:ان|انه|انها|انهم|انهما|اننا|انني|انه|الي\s+ان)(?![\p{L}])")
_THAT_REACH = 50  # characters between a "-that" cue and its أن (room for the subject)
_SPEAKER_GAP = 30  # characters between a cue and the start of its subject ("ذكر بيان لوزارة …")
_SVO_GAP = 3  # characters between a subject and the cue after it
_REACH = 160  # how far after a cue its أن may stand


@dataclass(frozen=True, slots=True)
class Cue:
    start: int  # raw offsets
    end: int
    word: str
    kind: str


@lru_cache(maxsize=1)
def _cue_pattern() -> tuple[regex.Pattern, dict[str, str]]:
    kinds = {}
    for row in read_table(DATA / "cues.tsv").rows:
        for f in variants(row["forms"]):
            kinds[fold(f)] = row["kind"]
    alt = "|".join(sorted(kinds, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}])[وف]?(?P<cue>{alt})(?![\p{{L}}])"), kinds


def _cues(doc: Doc, fld: str) -> list[Cue]:
    """Speech cues of a field; a "-that" cue (بين، رأى) counts only right before أن/إن, since
    alone it is another word ("بين" = between)."""
    pattern, kinds = _cue_pattern()
    v = doc.views[fld]
    out = []
    for m in pattern.finditer(v.text):
        kind = kinds[m["cue"]]
        if kind.endswith("-that") and not _THAT.search(v.text, m.end(), m.end() + _THAT_REACH):
            continue
        a, b = v.to_raw(m.start(), m.end())
        out.append(Cue(a, b, m["cue"], kind))
    return out


def _sentence(doc: Doc, fld: str, pos: int) -> tuple[int, int]:
    v = doc.views[fld]
    for a, b in doc.sentences[fld]:
        ra, rb = v.to_raw(a, b)
        if ra <= pos < rb:
            return ra, rb
    return 0, len(doc.field_text(fld))


_ON = regex.compile(r"(?<![\p{L}])(?:على|علي|عن)\s+(?=\p{L})")
_ON_REACH = 60  # characters between a cue and its على/عن: room for the subject's name
_NOT_SUBJECT = frozenset(fold(w) for w in (
    "في", "على", "خلال", "أمام", "عن", "عبر", "من", "إلى", "لدى", "مع", "حول", "بعد", "قبل", "عند", "أثناء",
    "اليوم", "أمس", "مساء", "صباح", "أيضا", "كذلك", "بدوره", "بدورها", "لاحقا", "ذلك", "أنه", "أن", "إن",
    "قائلا", "للصحفيين", "لوكالة", "لقناة", "لصحيفة", "لموقع", "لـ", "الذي", "التي", "وهو", "وهي",
    "فيها", "فيه", "بشدة", "مجددا", "إياه", "إياها"))


_REPORTED_FROM = regex.compile(r"(?<![\p{L}])عن\s+")
_MAX_SUBJECT_WORDS = 5


def _subject_words(between: str) -> list[str]:
    """The words of an unrecognised subject: from the start up to a comma, a colon, a quotation
    mark or the first word that cannot be part of it (a preposition, a time word, أن), at most a
    few words; none when the text starts with such a word."""
    head = regex.split(r"[،,:\"“«(]", between.lstrip(' "“«'), maxsplit=1)[0]  # 'وصرّح "فالون" من'

    out = []
    for w in regex.findall(r"[\p{L}\p{N}]+", head):
        if fold(w) in _NOT_SUBJECT or len(out) == _MAX_SUBJECT_WORDS:
            break
        out.append(w)
    return out


def _preposition_first(between: str) -> bool:
    """Whether the words between a cue and what follows start with a non-subject word."""
    words = regex.findall(r"[\p{L}\p{N}]+", between)
    return bool(words) and fold(words[0]) in _NOT_SUBJECT


# Appeals are cues for what follows them ("دعا X إلى …"), never for a quotation before them.
_APPEALS = frozenset(fold(w) for w in ("دعا", "دعت", "يدعو", "تدعو", "طالب", "طالبت", "يطالب", "تطالب",
                                      "ناشد", "ناشدت"))


def _speaker_before_in_paragraph(raw: str, pos: int, quotes: list[Quote]) -> Participant | None:
    """The speaker of the last quote that ends before ``pos`` in the same paragraph."""
    before = [q for q in quotes if q.span.end <= pos and q.speaker is not None]
    if not before:
        return None
    last = max(before, key=lambda q: q.span.end)
    return last.speaker if "\n" not in raw[last.span.end:pos] else None


def _is_name(quote: tuple[int, int], mentions: list[Mention]) -> bool:
    a, b = quote
    return any(m.span.start <= a and b <= m.span.end for m in mentions)


def _run_end(m: Mention, mentions: list[Mention]) -> int:
    """The end of a run of coordinated mentions ("سوريا وروسيا") starting with ``m``."""
    end = m.span.end
    for x in mentions:
        if x.span.start > end + 2:
            break
        if x.span.start >= end and x.span.start - end <= 2:
            end = x.span.end
    return end


def _speaker_after(cue: Cue, mentions: list[Mention], limit: int) -> Mention | None:
    for m in mentions:
        if cue.end <= m.span.start <= cue.end + _SPEAKER_GAP and m.span.start < limit:
            return m
    return None


_PARTICLES = frozenset(fold(w) for w in ("قد", "فقد", "لقد", "بدوره", "بدورها", "من جهته", "من جهتها",
                                          "أيضا", "كذلك", "بدوره", "فإن", "فان"))


def _speaker_before(cue: Cue, mentions: list[Mention], sent_start: int, raw: str = "") -> Mention | None:
    """The subject right before the cue, allowing particles between ("أما نتنياهو فقد أكد")."""
    best = None
    for m in mentions:
        if sent_start <= m.span.start and m.span.end <= cue.start:
            gap = raw[m.span.end:cue.start] if raw else ""
            words = regex.findall(r"[\p{L}]+", gap)
            if cue.start - m.span.end <= _SVO_GAP or words and all(fold(w) in _PARTICLES for w in words):
                best = m
    return best


class QuoteFinder:
    def __init__(self, participant_of):
        self.participant_of = participant_of  # Mention -> Participant (coded through its actor)

    def field(self, doc: Doc, fld: str, mentions: list[Mention], previous: Participant | None) -> tuple[list[Quote], Participant | None]:
        raw = doc.field_text(fld)
        direct = quoted(raw)
        cues = _cues(doc, fld)
        in_direct = lambda pos: any(a <= pos < b for a, b in direct)  # noqa: E731
        cues = [c for c in cues if not in_direct(c.start)]
        quotes: list[tuple[int, Quote]] = []
        used_direct: set[tuple[int, int]] = set()
        last_sentence = -1  # sentence of the latest attributed quote
        for k, cue in enumerate(cues):
            s_start, s_end = _sentence(doc, fld, cue.start)
            if cue.kind == "participle" and s_start == last_sentence:
                cue = Cue(cue.start, cue.end, cue.word, "continue")  # "…، مؤكداً أن": same speaker
            stop = min([s_end] + [c.start for c in cues[k + 1:] if c.start > cue.end])
            that = self._that(doc, fld, cue, stop)
            opening = next(((a, b) for a, b in direct if cue.end <= a <= stop + 2 and (a, b) not in used_direct), None)
            if opening is not None and _is_name(opening, mentions):
                opening = None  # «الجزيرة», "بي بي سي": a quoted name, not speech
            on = self._on(doc, fld, cue, stop, mentions) if that is None and opening is None else None
            if that is None and opening is None and on is None and cue.kind != "claim":
                continue
            limit = min(x for x in (that, on, opening[0] if opening else None, stop) if x is not None)
            outside = [x for x in mentions if not any(a <= x.span.start < b for a, b in direct)]
            m = self._subject(doc, fld, cue, outside, limit, s_start)
            if that is not None and (opening is None or that < opening[0] - 3):
                start, end, kind = that, stop, "reported"
                if opening is not None and opening[0] < stop:
                    used_direct.add(opening)
                    end = max(end, opening[1])
            elif opening is not None:
                start, end, kind = opening[0], opening[1], "direct"
                used_direct.add(opening)
            elif on is not None:  # "وشدد على حرص المملكة …": the claim is the object of على
                start, end, kind = on, stop, "reported"
            elif cue.kind == "claim":  # a claim without أن: what follows the subject
                if m is None or m.span.start < cue.end:
                    continue
                start, end, kind = _run_end(m, mentions), stop, "reported"
            else:
                continue
            speaker = self._speaker(raw, cue, m, limit, previous, fld)
            text = raw[start:end].rstrip(" .،,")
            if len(text.split()) < 2:
                continue
            quotes.append((start, Quote(text, Span(fld, start, start + len(text)), speaker, cue.word, kind,
                                        f"rule:quote:{kind}:{cue.kind}", 0.85 if speaker else 0.5)))
            if speaker is not None:
                previous = speaker
                last_sentence = s_start
        for a, b in direct:
            if (a, b) in used_direct or any(q.span.start <= a < q.span.end for _, q in quotes):
                continue
            q = self._unclaimed_direct(doc, fld, raw, a, b, cues, mentions, _speaker_before_in_paragraph(
                raw, a, [q for _, q in quotes]))
            if q is not None:
                quotes.append((a, q))
                previous = q.speaker or previous
        quotes.sort(key=lambda x: x[0])
        return [q for _, q in quotes], previous

    def _subject(self, doc: Doc, fld: str, cue: Cue, mentions: list[Mention], limit: int,
                 s_start: int) -> Mention | None:
        """The speaker's mention:
        - a participle ("…، مؤكدا أن") speaks for the subject of its sentence: its first person,
          organisation or institution before the cue (a dateline state is no speaker);
        - "نقل X عن Y": Y, the one quoted, not X, who reports it;
        - else the mention right after the cue, unless words come first that are not its subject
          ("وقال في مؤتمر صحفي عقده ونظيره الألماني" — the one named there did not speak; "وقال
          المصدر لوكالة الأنباء" — the source spoke, to the agency);
        - else the subject before the cue ("الحشد الشعبي اعلن")."""
        raw = doc.field_text(fld)
        if cue.kind == "participle":
            before = [m for m in mentions if s_start <= m.span.start and m.span.end <= cue.start]
            agents = [m for m in before if m.kind != "state"]
            return agents[0] if agents else None  # else the previous speaker (see _speaker)
        if fold(cue.word).startswith(("نقل", "ينقل", "تنقل")):
            via = _REPORTED_FROM.search(raw, cue.end, limit)
            if via is not None:
                return next((m for m in mentions if via.end() <= m.span.start <= via.end() + 3), None)
        m = _speaker_after(cue, mentions, limit)
        if m is not None and not _subject_words(raw[cue.end:m.span.start]) \
                and not _preposition_first(raw[cue.end:m.span.end]):
            return m
        if m is not None and _subject_words(raw[cue.end:m.span.start]):
            return None  # an unknown subject stands before it: kept as written by _speaker
        if raw[cue.start:cue.start + 1] in ("و", "ف"):
            return None  # "…، وقال": a joined verb continues its sentence's speaker, named before
        return _speaker_before(cue, mentions, s_start, raw)

    def _on(self, doc: Doc, fld: str, cue: Cue, stop: int, mentions: list[Mention]) -> int | None:
        """Where the claim starts after "على"/"عن" right behind the cue or its subject: "شدد على
        حرص المملكة", "أعرب الرئيس الروسي عن أسفه"."""
        raw = doc.field_text(fld)
        start = cue.end
        subject = next((m for m in mentions if cue.end <= m.span.start <= cue.end + 3), None)
        if subject is not None:
            start = _run_end(subject, mentions)
        m = _ON.search(raw, start, min(stop, start + _ON_REACH))
        if m is None or raw[start:m.start()].strip(" ،,"):
            return None
        return m.end() if m.end() < stop else None

    def _speaker(self, raw: str, cue: Cue, m: Mention | None, limit: int, previous: Participant | None,
                 fld: str) -> Participant | None:
        """The mention found, else: no subject written between the cue and the claim ("وأضاف أن",
        "وأضاف في معرض حديثه أن", "وأضاف: “…”") continues the previous speaker; a subject no
        lexicon knows is kept as written, uncoded, so that the reader still sees who spoke."""
        if m is not None:
            return self._extended(raw, m, limit, fld)
        if cue.kind == "participle" or _cue_pattern()[1].get(cue.word) == "participle":
            return previous  # "لافتا الانتباه إلى": what follows a participle is its object
        start = cue.end
        if fold(cue.word).startswith(("نقل", "ينقل", "تنقل")):  # "نقل موقع X عن "فالون"": Y spoke
            via = _REPORTED_FROM.search(raw, cue.end, limit)
            start = via.end() if via is not None else start
        between = raw[start:limit].lstrip(' "“«')
        start = limit - len(between)
        words = _subject_words(between)
        if not words:
            return previous
        a = start + between.index(words[0])
        b = start + between.index(words[-1], a - start) + len(words[-1])
        return Participant(raw[a:b], None, None, Span(fld, a, b))

    def _extended(self, raw: str, m: Mention, limit: int, fld: str) -> Participant:
        """A bare title followed by a name no lexicon knows ("رئيس المؤتمر ووفغانغ ايشنيغر")
        speaks as the whole phrase, coded by the title."""
        p = self.participant_of(m)
        if m.kind != "role" or " " in m.text.strip():
            return p
        more = _subject_words(raw[m.span.end:limit])
        if not more:
            return p
        end = m.span.end + raw[m.span.end:limit].index(more[-1]) + len(more[-1])
        return Participant(raw[m.span.start:end], p.code, p.sector, Span(fld, m.span.start, end), p.actor_id)

    def _that(self, doc: Doc, fld: str, cue: Cue, stop: int) -> int | None:
        v = doc.views[fld]
        raw_len = len(doc.field_text(fld))
        # search the folded view between the cue and the stop, mapped back to raw offsets
        vstart = _view_index(v, cue.end)
        vstop = _view_index(v, min(stop, cue.end + _REACH, raw_len))
        m = _THAT.search(v.text, vstart, vstop)
        return v.to_raw(m.start(), m.end())[0] if m else None

    def _unclaimed_direct(self, doc, fld, raw, a, b, cues, mentions, previous) -> Quote | None:
        """A quotation with no cue before it: "“…”، قال X" after it, a colon before it, or none."""
        after = next((c for c in cues if b < c.start <= b + 12 and c.word not in _APPEALS), None)
        colon = raw[max(0, a - 3):a].strip().startswith(":") or raw[max(0, a - 3):a].strip().endswith(":")
        words = len(raw[a:b].split())
        if after is not None:
            m = _speaker_after(after, mentions, after.end + _SPEAKER_GAP + 1)
            speaker = self.participant_of(m) if m else previous
            cue, kind = after.word, "direct"
        elif colon:
            s_start, _ = _sentence(doc, fld, a)
            m = next((x for x in reversed(mentions) if s_start <= x.span.start and x.span.end <= a), None)
            speaker = self.participant_of(m) if m else previous
            cue, kind = ":", "direct"
        elif words >= 6:  # a quotation standing alone continues its paragraph's last speaker
            speaker, cue, kind = previous, None, "direct"
        else:
            return None  # a short quoted name or title, not speech
        return Quote(raw[a:b], Span(fld, a, b), speaker, cue, kind, f"rule:quote:{kind}:unclaimed",
                     0.7 if speaker else 0.4)


def _view_index(v, raw_pos: int) -> int:
    """The first view position whose raw offset is at or after ``raw_pos``."""
    if v.offsets is None:
        return raw_pos
    lo, hi = 0, len(v.offsets)
    while lo < hi:
        mid = (lo + hi) // 2
        if v.offsets[mid] < raw_pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def headline(doc: Doc, mentions: list[Mention], participant_of) -> Quote | None:
    """A title "NAME: claim" is a quote of NAME when NAME is a speaker (a person, an institution,
    a state); a topic label before the colon ("اليمن: عشرون قتيلا") is only taken when it names a
    person or an institution, not a bare state."""
    title = doc.title
    colon = title.find(":")
    if colon <= 0 or '"' in title[:colon] or "«" in title[:colon]:
        return None
    head = [m for m in mentions if m.span.field == "title" and m.span.end <= colon
            and not title[m.span.end:colon].strip()]
    if not head or head[-1].kind == "state" or head[-1].span.start > 0 and title[:head[-1].span.start].strip():
        return None
    start = colon + 1
    while start < len(title) and title[start] in " \"“«":
        start += 1
    text = title[start:].strip().rstrip('"”»')
    if len(text.split()) < 2:
        return None
    return Quote(text, Span("title", start, start + len(text)), participant_of(head[-1]), ":", "direct",
                 "rule:quote:headline", 0.7)
