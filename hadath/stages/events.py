"""Events: PLOVER type and mode from the trigger lexicon, actor and recipient from the clause,
date and place from the sentence, deduplicated within the article.

Not coded: acts in a question, in a conditional ("إذا", "لو", "في حال"), and negated acts ("لم
يقصف"); a negated act inside someone's reported claim is that someone's denial, REJECT. An
attack with no named attacker is coded with an unknown armed actor (UAF, no country).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..doc import Doc, Event, Participant, Span
from ..events.arguments import (HE, PATIENT_NOUNS, actor, agent_by, between, preposition, recipient,
                                clause_end, coordinated, is_force, subject_after, subject_before, word_has_purpose_lam)
from ..events.field import FieldIndex, Located
from ..events.modality import FUTURE_TYPE, future, hypothetical, negated, unreal
from ..lexicon.entries import NON_STATE_CODES, load
from ..lexicon.matcher import Match
from ..events.classifier import Classifier, load_classifier
from ..events.lexicon import MUTUAL, NONE, TYPE_CAMEO, Trigger, offtopic_words, quad_and_score, triggers
from ..pipeline import stage
from ..text.normalize import fold
from ..text.tokens import forms
from .quotes import participant
from .text import FIELDS

_UNNAMED_ATTACK = ("ASSAULT",)
_UNCODED_ACTORS = frozenset({"UAF", "UNK"})
# A verbal noun after these names a topic, not an act: "فيما يخص التدريب والتسليح".
_TOPIC = frozenset(fold(w) for w in ("يخص", "مجال", "مستوى", "بشأن", "حول", "ملف", "قضية", "موضوع", "صعيد",
                                     "مجالات", "ملفات", "ضمن", "إطار"))


# Below this probability that its sentence reports an act of the type, a trigger is taken for
# a mention of the word in background, history or opinion (tuned on ../shared/gold dev).
GATE = 0.05
# PROTEST and ASSAULT are learnt from thousands of real news sentences (OEDA), so their scores
# are calibrated on real text and can gate harder (tuned on the OEDA development half, by folds).
TYPE_GATE = {"PROTEST": 0.25, "ASSAULT": 0.15}
# Above this probability a sentence with no trigger of the type is coded by the classifier alone
# (types learnt from real news sentences are trusted sooner).
CLASSIFIER_ONLY = 0.9
TYPE_CLASSIFIER_ONLY = {"PROTEST": 0.4, "ASSAULT": 0.5}
# Who acts when the classifier finds an act and the sentence names nobody: an unknown armed
# actor for violence, an unknown actor for a protest (GOLD.md conventions).
_UNNAMED_SECTOR = {"ASSAULT": "UAF", "PROTEST": "UNK"}


@stage("events", requires=("actors", "times", "places", "quotes"), provides=("events",))
def build(classifier: Classifier | None = None):
    matcher = triggers()
    clf = classifier or load_classifier()

    def run(doc: Doc) -> Doc:
        part = participant(doc)
        found: dict[tuple, Event] = {}
        fields = [FieldIndex(doc, fld) for fld in FIELDS]
        hits = [_triggers(fi, matcher) for fi in fields]
        scored = _sentence_scores(doc, fields, clf, hits)
        for fi, found_triggers, likely in zip(fields, hits, scored):
            last_end, last_event, last_cameo, last_form = -10, None, None, ""
            sentence_actor: dict[int, list] = {}  # sentence start -> actor of its latest trigger
            objects: set[int] = set()  # mentions already coded as recipients
            agents = [(q.start, [q.item.speaker]) for q in fi.quotes if q.item.speaker is not None]
            for m, first_person in found_triggers:
                # "تضغط لمنع", "ضغوطات … على العراق لمنع": a verb or purpose clause right after
                # another trigger completes it rather than reporting a second act
                chained = m.start - last_end <= 1 or (
                    m.start - last_end <= 6 and _purpose(fi, m)
                    and fi.sentence_of(m.start) == fi.sentence_of(max(last_end - 1, 0))) \
                    or _content_of_previous(fi, m, last_end, last_form) \
                    or _target_of_previous(fi, m, last_end, last_event) \
                    or _denied(fi, m, last_end, last_cameo) or _generic(fi, m)
                last_end, last_event, last_cameo, last_form = m.end, m.payloads[0].event, m.payloads[0].cameo, \
                    fold(m.payloads[0].form)
                if chained or _bare_definite_noun(fi, m) or _possessed_patient(fi, m) \
                        or _offtopic(fi, m.start) or _in_name(fi, m):
                    continue
                for ev in _code(doc, fi, m, _reading(fi, m, part), part, first_person, sentence_actor, objects, agents):
                    p = likely.get(fi.sentence_of(m.start), {}).get(ev.event)
                    # an act suffered ("بعد تلقيها رشقات صاروخية") is told as one whatever the sentence is about
                    if p is not None and p < TYPE_GATE.get(ev.event, GATE) and "+received" not in ev.provenance:
                        continue
                    _merge(found, replace(ev, confidence=round(ev.confidence * (0.5 + p / 2), 3)) if p is not None else ev)
            for ev in _classifier_only(doc, fi, likely, found, part):
                _merge(found, ev)
        sentences = {fi.field: [fi.raw(x.start, x.end) for x in fi.sentences] for fi in fields}
        doc.events = _complete_mutual(doc, part, _absorb_partial(list(found.values()), sentences))
        return doc

    return run


def _purpose(fi: FieldIndex, m: Match) -> bool:
    """"لتلوح", "لابتزاز", "لمنع": a trigger after the purpose لـ."""
    word = fi.words[m.start]
    return word_has_purpose_lam(word) or word.startswith("ل") and not word.startswith("لل") and word[1:] == m.form


_DISCUSS = tuple(fold(w) for w in ("بحث", "يبحث", "تبحث", "بحثا", "ناقش", "يناقش", "تناقش", "تباحث", "يتباحث",
                                     "بحث مع", "بحثت"))
_QUOTE_MARKS = frozenset({'"', "«", "»", "“", "”"})
_ABOUT = frozenset(fold(w) for w in ("إلى", "عن"))  # "دعا إلى وقف …", "امتناع إيران عن دخول المفتشين"
_FILLER = frozenset({"،", ",", '"', "«", "»", "“", "”", fold("مع")}) | _ABOUT


_ARMED = frozenset({"UAF", "MIL", "REB", "PRM", "COP"})


def _reading(fi: FieldIndex, m: Match, part) -> Trigger:
    """The trigger row for an ambiguous word: "هاجم" is an attack when armed men do it ("هاجم
    مسلحون مجهولون نقطة للجيش"), a verbal attack otherwise (the first row)."""
    attack = next((t for t in m.payloads if t.event == "ASSAULT"), None)
    if attack is None or m.payloads[0] is attack:
        return m.payloads[0]
    lo, hi = fi.sentence_of(m.start)
    doer = subject_after(fi, m.end, hi)
    armed = doer and part(doer[0].item).sector in _ARMED
    return attack if armed else m.payloads[0]


def _content_of_previous(fi: FieldIndex, m: Match, last_end: int, last_form: str = "") -> bool:
    """"اتهمت إيران الولايات المتحدة بدعم الإرهاب", "توعد نتنياهو حزب الله برد قاس", "دعا بومبيو
    السعودية إلى دعم التحقيق", "امتناع إيران عن دخول المفتشين": a verbal noun with ب or after
    إلى/عن, right after the previous trigger's own parties, says what that act was about (the
    accusation, the threat, the demand, the refusal), not a second act."""
    word = fi.words[m.start]
    k = m.start - 1
    while k > 0 and fi.words[k] in _QUOTE_MARKS:
        k -= 1
    # after "يبحث مع نظيره" the next act named is what they discussed ("التهدئة")
    marked = word.startswith("ب") and not m.form.startswith("ب") or k >= 0 and fi.words[k] in _ABOUT \
        or last_form.startswith(_DISCUSS)
    if not marked or last_end < 0 or not 0 < m.start - last_end <= 10:
        return False
    if fi.sentence_of(m.start) != fi.sentence_of(last_end - 1):
        return False
    covered = {k for x in fi.mentions for k in range(x.start, x.end)}
    return all(k in covered or fi.words[k] in _FILLER for k in range(last_end, m.start))


_FORCEFUL = frozenset({"ASSAULT", "COERCE", "SANCTION"})
_TARGETS = frozenset({"AID", "MOBILIZE", "SUPPORT", "COOPERATE"})


def _target_of_previous(fi: FieldIndex, m: Match, last_end: int, last_event: str | None) -> bool:
    """"شنت غارات على تعزيزات", "نهبت نحو ألفي سلة غذائية": what an attack or a seizure hits or
    takes, named right after it, is its target, not a second act."""
    if last_event not in _FORCEFUL or m.payloads[0].event not in _TARGETS or m.payloads[0].agent \
            or last_end < 0 or not 0 <= m.start - last_end <= 3:
        return False
    return fi.sentence_of(m.start) == fi.sentence_of(last_end - 1)


_DENIAL = "016"  # CAMEO: deny responsibility (نفى، أنكر، كذب)


def _denied(fi: FieldIndex, m: Match, last_end: int, last_cameo: str | None) -> bool:
    """"تنفي سوريا وروسيا وقوع أي هجوم": the act a denial denies right after it is no event."""
    if last_cameo != _DENIAL or last_end < 0 or not 0 <= m.start - last_end <= 6:
        return False
    lo, hi = fi.sentence_of(last_end - 1)
    return m.start < hi and clause_end(fi, last_end, hi) > m.start


_ANY = frozenset(fold(w) for w in ("أي", "أية", "لأي", "بأي"))


def _generic(fi: FieldIndex, m: Match) -> bool:
    """"أي هجوم", "أية مساعدات": an act spoken of in general, not one that took place."""
    return m.start > 0 and fi.words[m.start - 1] in _ANY


def _in_name(fi: FieldIndex, m: Match) -> bool:
    """"تحالف دعم الشرعية", "مجلس التعاون الخليجي": a trigger word inside a name is part of it."""
    return any(x.start <= m.start and m.end <= x.end and x.start < m.start for x in fi.mentions)


def _offtopic(fi: FieldIndex, i: int) -> bool:
    """Whether the sentence of token ``i`` reports a game (states are teams there) or a natural
    disaster or accident (deaths without an attacker)."""
    lo, hi = fi.sentence_of(i)
    return fi.memo(("offtopic", lo), lambda: _offtopic_words_in(fi, lo, hi))


def _offtopic_words_in(fi: FieldIndex, lo: int, hi: int) -> bool:
    words = offtopic_words()
    return any((f,) in words for k in range(lo, hi) for f in forms(fi.words[k])[:3]) or \
        any(tuple(fi.words[k:k + 2]) in words for k in range(lo, hi - 1))


def _first_person_forms(word: str) -> list[str]:
    """Third-person forms of a first-person verb: "نحث" → "يحث", "التقيت" → "التقي" (folded
    التقى), "طالبنا" → "طالب". Only tried inside quotations, where people speak of themselves."""
    for clitic in ("و", "ف"):
        if word.startswith(clitic) and len(word) > 3:
            word = word[1:]
    out = []
    if word[:1] in ("ن", "ا") and len(word) >= 3:
        out.append("ي" + word[1:])
    if word.endswith("نا") and len(word) >= 5:
        out.append(word[:-2])
    elif word.endswith("ت") and len(word) >= 4:
        out.append(word[:-1])
    return out


def _triggers(fi: FieldIndex, matcher):
    """Trigger matches in text order, each with whether it is a first-person verb in a quote."""
    found = [(m, False) for m in matcher.find_all(fi.tokens)]
    split, rests = _split_triggers(fi, matcher, {k for m, _ in found for k in range(m.start, m.end)})
    found = [(m, fp) for m, fp in found if m.start not in rests] + [(m, False) for m in split]
    covered = {k for m, _ in found for k in range(m.start, m.end)}
    for q in fi.quotes:
        for k in range(q.start, q.end):
            if k in covered or not fi.tokens[k].is_word:
                continue
            for form in _first_person_forms(fi.words[k]):
                hits = [t for t in matcher.lookup_word(form) if " " not in t.form]
                if hits:
                    found.append((Match(k, k + 1, tuple(hits), 1), True))
                    break
    # NONE phrases have done their work by shadowing the triggers inside them
    return sorted(((m, fp) for m, fp in found if m.payloads[0].event != NONE), key=lambda x: x[0].start)


_COMMAS = frozenset({"،", ",", "؛", ";"})
_SPLIT_GAP = 6  # tokens of a subject standing inside a multiword trigger
# Times of day that may stand between a split trigger's parts ("أطلق جنود فجر اليوم النار")
_DAYTIME = frozenset(fold(w) for w in ("فجر", "صباح", "مساء", "ظهر", "عصر", "ليل", "ليلة", "اليوم", "أمس"))


def _split_triggers(fi: FieldIndex, matcher, covered: set[int]) -> tuple[list[Match], set[int]]:
    """"أطلق جنود إسرائيليون النار", "أطلقت إسرائيل سراح", "ألقت قوات الأمن القبض": a verb whose
    multiword trigger continues after its subject. The match covers the verb alone; the subject
    in between is found after it as in any verb-subject clause. Also returns where the rest of
    each such trigger starts: a match found there alone ("القبض على") is part of it."""
    out, rests = [], set()
    timed = {j for t in fi.times for j in range(t.start, t.end)}
    for x in fi.mentions:
        k = x.start - 1
        rest = coordinated(fi, x)[-1].end  # "ويرسل الحوثيون وقوات صالح إمداداتهم"
        # "ألقت قوات الأمن التركية، فجر أمس الجمعة، القبض": commas and times may follow the subject
        while rest < len(fi.tokens) and rest - x.end < _SPLIT_GAP and (
                fi.words[rest] in _COMMAS or rest in timed or fi.words[rest] in _DAYTIME):
            rest += 1
        if k < 0 or k in covered or x.end - x.start > _SPLIT_GAP or rest >= len(fi.tokens) \
                or fi.sentence_of(k) != fi.sentence_of(rest):
            continue
        joined = [fi.tokens[k]] + fi.tokens[rest:rest + 5]
        hit = matcher.match_at(joined, 0)
        if hit is not None and hit.end > 1:
            out.append(Match(k, k + 1, hit.payloads, hit.form_rank, hit.form))
            rests.add(rest)
    return out, rests


def _classifier_only(doc: Doc, fi: FieldIndex, likely: dict, found: dict, part) -> list[Event]:
    """Acts the lexicon missed: a sentence the classifier is sure reports a type, coded with its
    first subject (a mention not after a preposition) and the next mention as recipient."""
    out = []
    for (lo, hi), probs in likely.items():
        kind, p = max(probs.items(), key=lambda kv: kv[1], default=(None, 0.0))
        a, b = fi.raw(lo, hi)
        coded = any(s.field == fi.field and a <= s.start < b for e in found.values() for s in e.spans
                    if kind != "PROTEST" or e.event == kind)
        # a sentence the lexicon coded is not recoded by the classifier as another type (protests,
        # which come with words of other types, "تظاهروا ضد", only as the same one)
        if p < TYPE_CLASSIFIER_ONLY.get(kind, CLASSIFIER_ONLY) or coded or _offtopic(fi, lo):
            continue
        subjects = [m for m in fi.mentions if lo <= m.start < hi and preposition(fi, m) is None]
        if subjects:
            actor_part = part(subjects[0].item)
            others = [m for m in fi.mentions if subjects[0].end <= m.start < hi]
        elif kind in _UNNAMED_SECTOR:
            actor_part = Participant(doc.field_text(fi.field)[a:b][:60], None, _UNNAMED_SECTOR[kind], None)
            others = [m for m in fi.mentions if lo <= m.start < hi]
        else:
            continue
        quad, score = quad_and_score(kind, None)
        out.append(Event(
            event=kind, mode=None, actor=(actor_part,),
            recipient=(part(others[0].item),) if others and kind not in ("PROTEST", "MOBILIZE") else (),
            event_text=doc.field_text(fi.field)[a:b], spans=(Span(fi.field, a, b),), trigger="",
            cameo=TYPE_CAMEO[kind], quad_class=quad, intensity=score, provenance="model:sentence-classifier",
            confidence=round(p * 0.6, 3)))
    return out


LEAD_SENTENCES = 1  # the classifier alone looks for missed acts in the lead, where news states them


def _sentence_scores(doc: Doc, fields: list[FieldIndex], clf: Classifier,
                     hits: list[list]) -> list[dict[tuple[int, int], dict[str, float]]]:
    """Classifier scores of the sentences that hold a trigger and of the lead of each field,
    keyed by token range; one batch for the whole article (each call has a fixed cost)."""
    keys, texts = [], []
    for n, (fi, found) in enumerate(zip(fields, hits)):
        with_triggers = {fi.sentence_of(m.start) for m, _ in found}
        for k, s in enumerate(fi.sentences):
            if k < LEAD_SENTENCES or (s.start, s.end) in with_triggers:
                keys.append((n, (s.start, s.end)))
                texts.append(doc.field_text(fi.field)[slice(*fi.raw(s.start, s.end))])
    out: list[dict] = [{} for _ in fields]
    for (n, span), probs in zip(keys, clf.scores(texts)):
        out[n][span] = probs
    return out


_AGAINST = fold("ضد")
_RELATIVES = frozenset(fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين"))


def _bare_definite_noun(fi: FieldIndex, m: Match) -> bool:
    """"الاتفاق", "العقوبات", "اللقاء" with no agent after them refer back to something already
    named (the nuclear deal, the sanctions) rather than report a new act. A definite verbal noun
    is recognised by the article the matcher had to strip; verbs never carry it."""
    word = fi.words[m.start]
    definite = not m.form.startswith("ال") and (word.startswith("ال") or word[1:3] == "ال" or word.startswith("لل")
                                                  or word[2:4] == "ال")
    if not definite:
        return False
    lo, hi = fi.sentence_of(m.start)
    if subject_after(fi, m.end, hi) is not None or between(fi, m.end, hi) is not None:
        return False
    if m.end < hi and fi.words[m.end] in _RELATIVES:
        return False  # "الضربات الجوية التي تشنها على تنظيم داعش": described, so told here
    # "اعتماد واشنطن على العقوبات ضد روسيا": a party the act is aimed against right after it makes it new
    return not any(m.end <= x.start <= m.end + 1 and preposition(fi, x) == _AGAINST for x in fi.mentions)


_PATIENT_PHRASES = frozenset(fold(w) for w in ("إطلاق سراح", "اطلاق سراح", "الإفراج عن", "إخلاء سبيل"))


def _patient_noun(fi: FieldIndex, m: Match) -> list | None:
    """The genitive of a verbal noun that names who suffered the act ("مقتل مقيم مصري", "إطلاق
    سراح المحتجزين")."""
    stem = m.form[2:] if m.form.startswith("ال") else m.form
    phrase = " ".join(fi.words[m.start:m.end])
    if not (m.end - m.start == 1 and stem in PATIENT_NOUNS or phrase.lstrip("وب") in _PATIENT_PHRASES):
        return None
    lo, hi = fi.sentence_of(m.start)
    return subject_after(fi, m.end, hi)


_RECEIVE = frozenset(fold(w) for w in ("تلقى", "تلقت", "تلقي", "تلقيها", "تلقيه", "تعرض", "تعرضت", "تعرضها",
                                       "تعرضه", "يتعرض", "تتعرض"))


def _received(fi: FieldIndex, m: Match, lo: int) -> list | None:
    """"بعد تلقيها رشقات صاروخية", "تعرضت لقصف": the act was suffered by the subject before the
    verb of receiving; the attacker is not named there."""
    k = m.start - 1
    while k >= lo and k >= m.start - 2:
        if fi.words[k] in _RECEIVE or any(f in _RECEIVE for f in forms(fi.words[k])[:3]):
            before = [x for x in fi.mentions if lo <= x.start and x.end <= k]
            return [before[-1]] if before else None
        k -= 1
    return None


_PATIENT_TYPES = frozenset({"AID", "ASSAULT", "COERCE", "SANCTION", "RETREAT", "ACCUSE", "THREATEN", "REQUEST"})


def _possessed_patient(fi: FieldIndex, m: Match) -> bool:
    """"تطوير الجيش العراقي وتسليحه": a verbal noun with a pronoun attached names its patient
    ("arming it"), and its agent is nowhere in reach; for a visit ("زيارته") the possessor is the
    visitor, which the actor rules find, so only acts done to someone are skipped."""
    word = fi.words[m.start]
    return (m.end - m.start == 1 and not word.endswith(m.form) and len(word) > len(m.form) + 1
            and any(t.event in _PATIENT_TYPES for t in m.payloads))


_POSSESSIVE = ("ه", "ها", "هم", "هما")


def _possessive(fi: FieldIndex, m: Match) -> bool:
    """"اجتماعه", "زيارتها": a verbal noun whose pronoun suffix is its agent."""
    word = fi.words[m.start]
    return m.end - m.start == 1 and not word.endswith(m.form) and word.endswith(_POSSESSIVE) \
        and not word.startswith(("ي", "ت", "ن"))


def _joined_possessor(fi: FieldIndex, m: Match, lo: int, agents: list) -> list[Participant] | None:
    """"إدانة وزارة الخارجية الفرنسية … ومطالبتها بإطلاق سراح المخطوفين": a verbal noun joined by و
    with a pronoun is the act of whoever does the sentence's first act."""
    word = fi.words[m.start]
    if not (word.startswith("و") and m.end - m.start == 1 and word.endswith(("ته", "تها", "تهم", "تهما"))):
        return None
    first = [(pos, parts) for pos, parts in agents if lo <= pos < m.start]
    return min(first, key=lambda x: x[0])[1] if first else None


def _nisba_actor(doc: Doc, fi: FieldIndex, m: Match) -> Participant | None:
    """"ضغوطات أمريكية", "الغارات الروسية": a nisba right after a verbal noun names the state
    that acts; after armed means ("قصفت الطائرات الإسرائيلية") its military."""
    k = m.end
    force = k < len(fi.tokens) - 1 and is_force(fi.words[k])
    k += force
    if k >= len(fi.tokens) or any(x.start <= k < x.end for x in fi.mentions):
        return None
    hit = load().matcher.match_at(fi.tokens, k)
    nisba = next((e for e in hit.payloads if e.kind == "nisba"), None) if hit else None
    if nisba is None or nisba.code is None:
        return None
    a, b = fi.raw(m.end if force else k, hit.end)
    return Participant(doc.field_text(fi.field)[a:b], nisba.code, "MIL" if force else "GOV", Span(fi.field, a, b))


_FRONTING = frozenset(fold(w) for w in ("في", "وفي", "خلال", "وخلال", "ومع", "وبعد", "بعد"))


def _main_subject(fi: FieldIndex, end: int, hi: int) -> list | None:
    """The subject of the main clause after a fronted phrase: the first name right after a verb
    the trigger lexicon knows ("… رفض رئيس الوزراء الإسرائيلي")."""
    matcher = triggers()
    for x in fi.mentions:
        if end < x.start < hi and preposition(fi, x) is None and matcher.match_at(fi.tokens, x.start - 1):
            return coordinated(fi, x)
    return None


_HEADING = 3  # tokens of a subheading inside a text ("نهب وانتهاكات"), which continues no sentence


def _previous_agent(fi: FieldIndex, lo: int, agents: list[tuple[int, list[Participant]]],
                    upto: int | None = None) -> list[Participant] | None:
    """"دعا الولايات المتحدة إلى …", "ودعا أيضا …": a sentence opening with a verb and naming no
    subject continues the last actor or speaker of the two sentences before it; "اجتماعه مع ترامب"
    (his meeting) the last one before the trigger (``upto``)."""
    k = next((n for n, s in enumerate(fi.sentences) if s.start == lo), 0)
    floor = fi.sentences[max(k - 2, 0)].start
    earlier = [(pos, parts) for pos, parts in agents if floor <= pos < (upto or lo)]
    return max(earlier, key=lambda x: x[0])[1] if earlier else None


def _code(doc: Doc, fi: FieldIndex, m: Match, trig: Trigger, part, first_person: bool,
          sentence_actor: dict[int, list], objects: set[int], agents: list) -> list[Event]:
    start, end = m.start, m.end
    lo, hi = fi.sentence_of(start)
    if fi.words[hi - 1] == "؟":
        return []
    quote = fi.quote_around(start)
    quote_span = None
    if quote is not None:
        q = fi.locate(quote.span.start, quote.span.end, quote)
        quote_span = (q.start, q.end)
    if hypothetical(fi, start, lo) or unreal(fi, end, hi) or any(fi.words[k] in _TOPIC for k in range(max(lo, start - 2), start)):
        return []
    event, mode = trig.event, trig.mode
    provenance = f"lexicon:trigger:{trig.form}"
    if future(fi, m, lo) and event in FUTURE_TYPE:
        event, cameo = FUTURE_TYPE[event]
        trig, mode, provenance = replace(trig, cameo=cameo), None, provenance + "+future"
    if negated(fi, start, lo):
        if quote is None or quote.speaker is None or quote.kind != "reported":
            return []
        others = [part(x.item) for x in fi.mentions if quote_span[0] <= x.start < start]
        if any(p.code and p.code != quote.speaker.code for p in others):
            return []  # "مؤكدا أن الحكومة العراقية لم تطلب …": a claim about another party, not a denial
        event, mode, provenance = "REJECT", None, provenance + "+negated-claim"
        trig = replace(trig, cameo="016")  # CAMEO: deny responsibility
    negated_claim = provenance.endswith("+negated-claim")
    if event == "REJECT" and trig.form.startswith(_WILL_NOT_ALLOW) and _armament(fi, end, hi):
        # "إسرائيل لن تسمح لها بامتلاك أسلحة نووية": refusing another's armament threatens force
        event, trig, provenance = "THREATEN", replace(trig, cameo="138"), provenance + "+armament"
    if event == "REJECT" and _weapon_object(fi, end, hi):
        return []  # "اعترضت الدفاعات الجوية 7 صواريخ": intercepting missiles refuses nobody
    if event == "ACCUSE" and _accused_of(fi, m, hi):
        # "النظام السوري كان قد اتهم بشن هجمات": accused (passive) of what follows, by someone unnamed
        accused = subject_before(fi, start, lo, objects) or []
        a, b = fi.raw(start, end)
        unnamed = [Participant(doc.field_text(fi.field)[a:b], None, "UNK", Span(fi.field, a, b))]
        return [_event(doc, fi, m, trig, event, mode, provenance + "+passive", unnamed,
                       [part(x.item) for x in accused], (lo, hi), accused, 0.5)] if accused else []
    if trig.agent:
        return _agent_after(doc, fi, m, trig, event, mode, provenance, part, (lo, hi), objects)
    sides = between(fi, end, hi)
    if sides is not None and (event in MUTUAL or event == "ASSAULT" or not _named_before(fi, sides[0][0].start, lo)):
        return _between_events(doc, fi, m, trig, event, mode, provenance, sides, part, (lo, hi))
    received = _received(fi, m, lo)
    patient = _patient_noun(fi, m) or received
    if received:
        provenance += "+received"
    nisba_actor = None if negated_claim else _nisba_actor(doc, fi, m)
    owner = _joined_possessor(fi, m, lo, agents)
    if negated_claim or nisba_actor is not None or owner or quote is not None and _verdict(trig):
        actors = None  # "أعلن أنه لم يقصف", "أكد مصدر أن الأنباء لا أساس لها من الصحة": the speaker's
    elif patient:
        actors = agent_by(fi, end, hi) or ([] if event in _UNNAMED_ATTACK else
                                           actor(fi, start, end, (lo, hi), quote_span, first_person,
                                                 sentence_actor.get(lo), objects | {x.start for x in patient}))
    else:
        actors = actor(fi, start, end, (lo, hi), quote_span, first_person, sentence_actor.get(lo), objects)
    if actors and all(part(x.item).code is None and part(x.item).sector not in _UNCODED_ACTORS for x in actors):
        # "ويرسل الحوثيون وقوات صالح": a name nobody can place yields to the next subject before it
        actors = subject_before(fi, actors[0].start, lo, objects) or actors
    if actors and event not in _SAYING and all(part(x.item).sector == "JRN" for x in actors):
        actors = None  # "وسائل الإعلام السورية تحدثت عن عقد اتفاق": the media report the act, they do not do it
    if actors:
        sentence_actor[lo] = actors
        actor_parts = [part(x.item) for x in actors]
        if quote_span is not None and quote.speaker is not None and actors[0].start == quote_span[0] + 1 \
                and fi.words[quote_span[0]] in HE and fi.words[actors[0].start].startswith("و"):
            actor_parts.insert(0, quote.speaker)  # "أفاد ماكرون بأنه وبوتين اتفقا": he and Putin
        agents.append((start, actor_parts))
    elif owner:
        actor_parts = owner
        provenance += "+joined-possessor"
    elif nisba_actor is not None:
        actor_parts = [nisba_actor]
        provenance += "+nisba"
    elif quote is not None and quote.speaker is not None:
        actor_parts = [quote.speaker]
        provenance += "+speaker"
    elif quote_span is not None and (framing := subject_before(fi, quote_span[0], lo, objects)):
        actors = framing  # "وهو علي خامنئي … فماذا قال: «لن نكف عن دعم …»": who speaks before the quote
        actor_parts = [part(x.item) for x in actors]
        provenance += "+quote-frame"
    elif quote is None and fi.words[lo] in _FRONTING and start <= lo + 2 and (main := _main_subject(fi, end, hi)):
        actors = main  # "وفي مناشدة أخرى ليهود أميركا رفض نتنياهو …": the main clause's subject
        actor_parts = [part(x.item) for x in actors]
        provenance += "+main-clause"
    elif quote is None and start <= lo + 1 and hi - lo > _HEADING and (carried := _previous_agent(fi, lo, agents)):
        actor_parts = carried
        provenance += "+previous-sentence"
    elif _possessive(fi, m) and (carried := _previous_agent(fi, lo, agents, start)):
        actor_parts = carried
        provenance += "+possessor"
    elif event in _UNNAMED_ATTACK:
        a, b = fi.raw(start, end)
        actor_parts = [Participant(doc.field_text(fi.field)[a:b], None, "UAF", Span(fi.field, a, b))]
        provenance += "+unnamed-attacker"
    elif event == "ACCUSE" and quote is None and " " in trig.form:
        # "ووجهت انتقادات لاذعة للمملكة": critics the text does not name (UNK), when it names the criticised
        a, b = fi.raw(start, end)
        actor_parts = [Participant(doc.field_text(fi.field)[a:b], None, "UNK", Span(fi.field, a, b))]
        provenance += "+unnamed-actor"
    else:
        return []
    if all(p.code is None and p.sector not in _UNCODED_ACTORS for p in actor_parts):
        return []  # an actor nobody can place is no data point
    taken = {x.start for x in actors or ()}
    if patient:
        rec = patient
    elif start > lo and fi.words[start - 1] in _RELATIVES and fi.words[start].endswith(_POSSESSIVE) \
            and (head := [x for x in fi.mentions if x.end == start - 1]):
        rec = head[:1]  # "زعماء اليهود الذين التقاهم أوباما": the pronoun is the relative clause's head
    elif sides is not None:
        rec = list(sides[0]) + list(sides[1])  # "مقديشو ترفض اتفاقا بين الإمارات وأرض الصومال"
    else:
        rec = recipient(fi, start, end, hi, trig.recipient, taken, trig.own) if event != "REJECT" or trig.event == "REJECT" else []
    if event == "ASSAULT" and (foiler := _foiled_by(fi, start, lo)):
        rec = foiler  # "أحبطت المقاومة الشعبية أمس هجوما شنه مسلحون حوثيون": the attack was on the foiler
    if not rec and event in _ON_MEMBERS:
        rec = _members_of(fi, end, hi)
    if trig.required and not rec:
        return []
    implied = [] if rec or event in _NO_RECIPIENT or event in MUTUAL else \
        _implied_recipient(doc, fi, end, hi, actor_parts, people_only=event == "SUPPORT")
    objects.update(x.start for x in rec)
    rec_parts = _as_people(fi, rec, [part(x.item) for x in rec]) + implied
    if actor_parts[0].sector in _UNCODED_ACTORS and not rec_parts:
        return []  # "مواجهات مسلحة" with neither side named says nothing codable
    if not rec_parts and event in MUTUAL and len(actor_parts) > 1:
        actor_parts, rec_parts = actor_parts[:1], actor_parts[1:]  # "ماكرون وبوتين اتفقا": one with the other
    if not rec_parts and event in MUTUAL and len(actor_parts) == 1 and actors and \
            fi.words[actors[0].start].startswith("و") and fi.mention_at(actors[0].start - 1) is None:
        # "وقال في مؤتمر صحفي عقده ونظيره الألماني": "he and his counterpart" — he is the one who
        # speaks in the sentence, else the last agent
        speaker = next((q.item.speaker for q in fi.quotes if lo <= q.start < hi and q.item.speaker), None)
        he = [speaker] if speaker else _previous_agent(fi, lo, agents, start) or []
        rec_parts = [p for p in he[:1] if p.code and p.code != actor_parts[0].code]
    # one party is not both sides: "امتناع إيران … يعني عزم طهران" names Iran twice
    same = {p.actor_id for p in actor_parts if p.actor_id}
    rec_parts = [r for r in rec_parts if ((r.code, r.sector) != (actor_parts[0].code, actor_parts[0].sector)
                                          or r.entity_text != actor_parts[0].entity_text) and r.actor_id not in same]
    return [_event(doc, fi, m, trig, event, mode, provenance, actor_parts, rec_parts, (lo, hi),
                   (actors or []) + rec, 0.7 if actors else 0.5)]


_SAYING = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST"})  # acts the media themselves perform
_NO_RECIPIENT = frozenset({"PROTEST", "MOBILIZE", "REJECT", "REQUEST", "ACCUSE"})


_CIVILIANS = frozenset(fold(w) for w in ("مدني", "مدنيا", "مدنيين", "المدنيين", "مواطنين", "المواطنين", "مواطنا",
                                           "أشخاص", "الأشخاص", "شخصا", "سكان", "أطفال", "نساء", "مدنيون"))


_FOIL = frozenset(fold(w) for w in ("أحبط", "أحبطت", "أحبطوا", "صد", "صدت", "صدوا", "تصدى", "تصدت", "أفشل",
                                      "أفشلت", "يحبط", "تحبط", "يصد", "تصد"))


def _foiled_by(fi: FieldIndex, start: int, lo: int) -> list[Located] | None:
    """The subject of a verb that foils the attack named after it ("أحبطت X … هجوما")."""
    for k in range(start - 1, max(lo, start - 8) - 1, -1):
        if fi.words[k].lstrip("وف") in _FOIL or fi.words[k] in _FOIL:
            subject = [x for x in fi.mentions if k < x.start and x.end <= start]
            return coordinated(fi, subject[0]) if subject else None
    return None


_ON_MEMBERS = frozenset({"COERCE", "ASSAULT", "SANCTION", "ACCUSE"})
_MEMBERSHIP = frozenset(fold(w) for w in ("انتمائهم", "انتمائه", "انتمائها", "الانتماء", "بالانتماء", "المنتمين",
                                            "ينتمون", "ينتمي", "تنتمي", "عناصر", "أعضاء", "بعضوية",
                                            "صلتهم", "بصلتهم", "ارتباطهم", "لارتباطهم", "الموالين", "موالين"))


def _members_of(fi: FieldIndex, end: int, hi: int) -> list[Located]:
    """"القبض على 17 شخصا، يشتبه في انتمائهم لتنظيم داعش": the group the people acted on belong to."""
    limit = min(hi, end + 16)
    for k in range(end, limit):
        if fi.words[k] in _MEMBERSHIP:
            m = next((x for x in fi.mentions if k < x.start <= k + 3), None)
            return coordinated(fi, m) if m is not None else []
    return []


def _implied_recipient(doc: Doc, fi: FieldIndex, end: int, hi: int, actor_parts: list,
                       people_only: bool = False) -> list[Participant]:
    """"لتلوح بنقل سفارتها الى اربيل", "قصف إسرائيل للمفاعل النووي السوري": with no party named
    after the trigger, the state of the place or the nisba its clause names is the one acted on,
    when it is not the actor's own. Support goes to people ("تدعم حق السعوديين"), not to what a
    nisba qualifies ("الاتفاق النووي الإيراني"): ``people_only`` keeps plural nisbas alone."""
    own = {p.code for p in actor_parts}
    limit = clause_end(fi, end, hi)
    covered = {k for x in fi.mentions for k in range(x.start, x.end)}
    for k in range(end, limit):
        if k in covered or k - 1 in covered:  # "ميليشيات الحوثي الإيرانية": a nisba qualifying a name
            continue
        if people_only and not fi.words[k].endswith(("يين", "يون")):
            continue
        place = None if people_only else next((p.item for p in fi.places if p.start == k and p.item.level != "country"), None)
        hit = None if place else load().matcher.match_at(fi.tokens, k)
        nisba = next((e for e in hit.payloads if e.kind == "nisba"), None) if hit else None
        code = place.country if place else nisba.code if nisba else None
        if code and code not in own and code not in NON_STATE_CODES:
            a, b = fi.raw(k, k + 1)
            # "خطف 200 مدني … في منطقة القريتين": civilians of that state
            sector = "CVL" if any(fi.words[j] in _CIVILIANS for j in range(end, k)) else "GOV"
            return [Participant(doc.field_text(fi.field)[a:b], code, sector, Span(fi.field, a, b))]
    return []


_WILL_NOT_ALLOW = tuple(fold(w) for w in ("لن تسمح", "لن يسمح", "لن نسمح", "لا تسمح", "لا يسمح"))
_ARMS = frozenset(fold(w) for w in ("أسلحة", "سلاح", "نووية", "نووي", "قدرات", "صواريخ", "التموضع", "بالتموضع",
                                      "تموضع", "عسكري", "عسكرية", "قواعد"))


def _armament(fi: FieldIndex, end: int, hi: int) -> bool:
    return any(fi.words[k] in _ARMS for k in range(end, clause_end(fi, end, hi)))


_WEAPONS = frozenset(fold(w) for w in ("صاروخ", "صاروخا", "صواريخ", "قذيفة", "قذائف", "طائرة", "طائرات", "مسيرة",
                                         "مسيرات", "مقذوف", "مقذوفات", "الصاروخ", "الصواريخ", "الطائرة", "الطائرات",
                                         "صاروخين", "طائرتين"))


def _weapon_object(fi: FieldIndex, end: int, hi: int) -> bool:
    """Whether missiles or drones are the object of the trigger ending at ``end``."""
    k = end
    while k < hi and k - end < 4 and (fi.words[k].isdigit() or fi.words[k] in _NUMBER_WORDS):
        k += 1
    return k < hi and fi.words[k] in _WEAPONS


_NUMBER_WORDS = frozenset(fold(w) for w in ("عدة", "عددا", "من", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية"))


_ACCUSE_VERBS = frozenset(fold(w) for w in ("اتهم", "اتهمت", "يتهم", "تتهم", "اتهموا"))


def _accused_of(fi: FieldIndex, m: Match, hi: int) -> bool:
    """An accusation verb followed straight by its charge ("اتهم بشن هجمات"): a passive, since the
    active names the accused first ("اتهم الغرب سوريا بشن هجمات")."""
    return m.end - m.start == 1 and fi.words[m.start].lstrip("و") in _ACCUSE_VERBS and m.end < hi \
        and fi.words[m.end].startswith("ب") and fi.mention_at(m.end) is None


def _agent_after(doc, fi, m, trig, event, mode, provenance, part, sent, objects) -> list[Event]:
    """"تدخل المملكة كان بناء على طلب من الرئيس هادي": the party after the trigger's agent
    preposition acts, the subject of the clause is acted on."""
    lo, hi = sent
    limit = clause_end(fi, m.end, hi)
    agent = next((x for x in fi.mentions if m.end <= x.start < limit and (
        preposition(fi, x) in trig.agent or x.start == m.end and fi.words[m.end - 1] in trig.agent)), None)
    if agent is None:
        return []
    agents = coordinated(fi, agent)
    subject = subject_before(fi, m.start, lo, objects) or []
    return [_event(doc, fi, m, trig, event, mode, provenance + "+agent", [part(x.item) for x in agents],
                   [part(x.item) for x in subject], sent, agents + subject, 0.7)]


_PEOPLE = frozenset(fold(w) for w in ("شعب", "شعوب", "الشعب", "الشعوب", "مواطني", "سكان", "أهالي", "أهل",
                                        "وشعب", "وشعوب", "لشعب", "لشعوب", "بشعب", "يهود", "ليهود", "مسلمي", "مسيحيي"))


def _as_people(fi: FieldIndex, located: list[Located], parts: list[Participant]) -> list[Participant]:
    """"دعم … شعوب فلسطين واليمن وسورية": states named after "the peoples of" are their civilians."""
    if not located or located[0].start == 0 or fi.words[located[0].start - 1] not in _PEOPLE:
        return parts
    return [replace(p, sector="CVL") if p.sector == "GOV" else p for p in parts]


_VERDICTS = tuple(fold(w) for w in ("لا ", "عار", "غير ", "مفبرك", "ملفق"))


def _verdict(trig: Trigger) -> bool:
    """"لا أساس لها من الصحة", "عارية عن الصحة": a judgement on a claim, which its speaker makes."""
    return trig.form.startswith(_VERDICTS)


def _named_before(fi: FieldIndex, side: int, lo: int) -> bool:
    """Whether a subject stands before the two sides after بين, so that they are what the act is
    about ("مقديشو ترفض اتفاقا بين الإمارات وأرض الصومال", "رحبت مصر بالاتفاق بين …") rather
    than who acts."""
    return any(lo <= x.start and x.end < side and preposition(fi, x) is None for x in fi.mentions)


def _between_events(doc, fi, m, trig, event, mode, provenance, sides, part, sent) -> list[Event]:
    """Two sides after بين: a mutual act once; fighting with no attacker named, once each way."""
    one = [part(x.item) for x in sides[0]]
    two = [part(x.item) for x in sides[1]]
    taken = list(sides[0]) + list(sides[1])
    out = [_event(doc, fi, m, trig, event, mode, provenance + "+between", one, two, sent, taken, 0.7)]
    if event == "ASSAULT":
        out.append(_event(doc, fi, m, trig, event, mode, provenance + "+between", two, one, sent, taken, 0.7))
    return out


def _event(doc, fi, m, trig, event, mode, provenance, actor_parts, rec_parts, sent, occupied_items,
           confidence) -> Event:
    start, end = m.start, m.end
    lo, hi = sent
    a, b = fi.raw(start, end)
    evidence_start = min([a] + [p.span.start for p in actor_parts + rec_parts if p.span and p.span.field == fi.field])
    evidence_end = max([b] + [p.span.end for p in actor_parts + rec_parts if p.span and p.span.field == fi.field])
    text = doc.field_text(fi.field)
    time = fi.time_near(start, lo, hi)
    occupied = {(x.start, x.end) for x in occupied_items}
    place = fi.place_near(start, lo, hi, occupied)
    quad, score = quad_and_score(event, mode)
    return Event(
        event=event, mode=mode, actor=tuple(actor_parts), recipient=tuple(rec_parts),
        event_text=text[evidence_start:evidence_end], spans=(Span(fi.field, evidence_start, evidence_end),),
        trigger=text[a:b], cameo=trig.cameo, quad_class=quad, intensity=score, provenance=provenance,
        confidence=confidence, date=time.value if time else None,
        event_loc={"text": place.text, "country": place.country, "lat": place.lat, "lon": place.lon}
        if place else None,
    )


def _absorb_partial(events: list[Event], sentences: dict[str, list[tuple[int, int]]]) -> list[Event]:
    """"شنت غارات على مواقع الحوثيين ودمرت آليات تابعة لهم": an act reported again without its
    recipient (or actor) in the same sentence is the same act as the one of that type and actor
    (recipient) that names it; its evidence joins that event instead of making a vaguer one."""
    def where(ev: Event) -> set:
        return {(s.field, n) for s in ev.spans for n, (a, b) in enumerate(sentences[s.field]) if a <= s.start < b}

    out = list(events)
    for ev in events:
        if ev.event in MUTUAL or (ev.actor and ev.recipient):
            continue
        side = _codes(ev.actor) if ev.actor else _codes(ev.recipient)
        fuller = next((o for o in out if o is not ev and o.event == ev.event and o.actor and o.recipient
                       and side <= (_codes(o.actor) if ev.actor else _codes(o.recipient))
                       and where(o) & where(ev)), None)
        if fuller is not None:
            out[out.index(fuller)] = replace(fuller, spans=fuller.spans + ev.spans)
            out.remove(ev)
    return out


def _same_paragraph(doc: Doc, a: Span, b: Span) -> bool:
    if a.field != b.field:
        return False
    lo, hi = sorted((a.start, b.start))
    return "\n" not in doc.field_text(a.field)[lo:hi]


def _complete_mutual(doc: Doc, part, events: list[Event]) -> list[Event]:
    """"موسكو مستعدة لذلك", "آلية تنسيق": a mutual act with one side named is with the other
    state of the article's main pair (its two most named states) when its paragraph names it; the
    party points to that mention."""
    coded = [m for m in doc.mentions if m.code and m.code not in NON_STATE_CODES]
    pair = [c for c, _ in Counter(m.code for m in coded).most_common(2)]
    if len(pair) < 2:
        return events
    out = []
    for ev in events:
        sides = ev.actor + ev.recipient
        if ev.event in MUTUAL and len(sides) == 1 and sides[0].code in pair:
            code = pair[1 - pair.index(sides[0].code)]
            near = [m for m in coded if m.code == code and _same_paragraph(doc, m.span, ev.spans[0])]
            if not near:
                out.append(ev)  # the other state is not in the paragraph: the act may be one-sided
                continue
            other = min(near, key=lambda m: (m.kind != "state", m.span.start))
            party = (part(other),)
            ev = replace(ev, actor=ev.actor or party, recipient=ev.recipient if not ev.actor else party,
                         provenance=ev.provenance + "+article-pair", confidence=round(ev.confidence * 0.8, 3))
        out.append(ev)
    return out


def _codes(parts) -> set:
    return {(p.code, p.sector) for p in parts}


def _key(ev: Event) -> tuple:
    actors = tuple(sorted({(p.code, p.sector) for p in ev.actor}, key=str))
    recips = tuple(sorted({(p.code, p.sector) for p in ev.recipient}, key=str))
    if ev.event in MUTUAL:
        actors, recips = tuple(sorted((actors, recips), key=str))
    return ev.event, actors, recips


def _merge(found: dict[tuple, Event], ev: Event) -> None:
    """The same (type, actor, recipient) reported twice is one event with two evidence spans."""
    key = _key(ev)
    old = found.get(key)
    if old is None:
        found[key] = ev
        return
    found[key] = replace(old, spans=old.spans + ev.spans, date=old.date or ev.date,
                         event_loc=old.event_loc or ev.event_loc, confidence=max(old.confidence, ev.confidence))
