"""Who did it, and to whom: the actor and recipient of a trigger, read off the clause around it.

- actor: the subject right after the trigger (verb-subject order, and the agent genitive of a
  verbal noun: "زيارة قآاني", "اتفاقيات بغداد"), else the nearest subject before it in the
  sentence (subject-verb order, or a subject stated earlier: "الحشد الشعبي اعلن انه …"); inside a
  quotation, a first-person verb ("التقيت", "نحث") is the speaker's act;
- recipient: the first mention after the trigger that follows one of the trigger's prepositions
  (مع، على، ضد، إلى …), or its direct object;
- coordinated mentions ("سوريا وروسيا", "روسيا وإيران والرئيس السوري") are all coded.
A mention right after a preposition is never a subject.
"""
from __future__ import annotations

from ..text.normalize import fold
from .field import FieldIndex, Located

PREPOSITIONS = frozenset(fold(p) for p in (
    "مع", "على", "ضد", "إلى", "بحق", "من", "عن", "في", "لدى", "تجاه", "بين", "حول", "نحو", "عبر",
    "أمام", "خلال", "منذ", "بعد", "قبل", "عند", "لصالح", "باسم", "إزاء", "صوب", "باتجاه"))
# What belongs to a party and stands for it after a preposition.
_HOLDINGS = frozenset(fold(w) for w in ("مواقع", "موقع", "مقر", "مقرات", "مراكز", "معاقل", "تجمعات", "تجمع", "تجمعا",
                                          "أهداف", "مواقعا",
                                          "منازل", "مصالح", "سفارة", "قنصلية", "ملف", "حق", "جانب", "عناصر"))
_CLITIC_PREPS = ("بال", "لل", "وبال", "ولل", "فبال", "كال")
_SKIP = frozenset(fold(w) for w in ("اليوم", "أمس", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء",
                                      "الخميس", "الجمعة", "السبت", "قد", "رسميا", "أيضا", "مجددا", "كذلك",
                                      "بدوره", "بدورها", "بشدة", "غدا", "الماضي", "،", ",", "(", ")"))
# Armed means before the name of who wields them: "قصف مقاتلات التحالف", "شنت طائرات روسية".
_FORCES = frozenset(fold(w) for w in ("مقاتلات", "طائرات", "طيران", "قوات", "مدفعية", "بوارج", "سفن", "زوارق",
                                        "جنود", "عناصر", "مسلحو", "مسلحي", "دبابات", "وحدات", "كتائب"))
# Munitions as the subject of an attack ("استهدفت صواريخ السفارة الأمريكية"): nobody is named.
_MUNITIONS = frozenset(fold(w) for w in ("صواريخ", "صاروخ", "قذائف", "قذيفة", "عبوة", "عبوات", "رصاصات", "طائرة مسيرة",
                                           "مسيرة", "مسيرات"))


def is_force(word: str) -> bool:
    return word in _FORCES or word.startswith("ال") and word[2:] in _FORCES


_SUBJECT_REACH = 3  # tokens between a verb and its subject (adverbs, day names)
# Verbal nouns whose genitive is the one acted upon: "مقتل مقيم مصري", "اعتقال 17 شخصا".
PATIENT_NOUNS = frozenset(fold(w) for w in (
    "مقتل", "مصرع", "اغتيال", "ابتزاز", "اختطاف", "خطف", "اعتقال", "توقيف", "احتجاز", "استهداف", "إصابة", "إعدام",
    "تهجير", "طرد", "ترحيل", "حصار", "محاصرة", "قتل", "تعذيب", "إبعاد", "عزل", "إقالة", "تصنيف", "إدراج"))
_AGENT_MARKERS = (("علي", "يد"), ("من", "قبل"))  # "على يد X", "من قبل X": the agent of a verbal noun
# Words that open a new clause: a recipient is not sought past them.
CLAUSE_BREAKS = frozenset(fold(w) for w in ("في حين", "في وقت", "فيما", "بينما", "حيث", "كما", "لكن", "ولكن", "إلا",
                                            "بعدما", "عندما", "وقال", "قال", "قالت", "وقالت", "وأضاف", "مضيفا",
                                            "مؤكدا", "مشيرا", "قائلا", "وذلك", "."))


def _breaks(fi: FieldIndex, k: int) -> bool:
    return fi.words[k] in CLAUSE_BREAKS or k + 1 < len(fi.words) and f"{fi.words[k]} {fi.words[k + 1]}" in CLAUSE_BREAKS


_OBJECT_REACH = 14  # tokens between a trigger and its recipient
_SIDE_GAP = 4  # words describing the first side of بين before the second
_SUBJECT_BEFORE_REACH = 20  # tokens back to a subject stated before the trigger (tuned on ../shared/gold)


def preposition(fi: FieldIndex, m: Located) -> str | None:
    """The preposition governing a mention: the token before it, or a clitic (بالعراق، للعراق).
    "كل من X و Y" ("both X and Y") is no preposition."""
    if m.start > 0 and fi.words[m.start - 1] in PREPOSITIONS:
        if fi.words[m.start - 1] == "من" and m.start > 1 and fi.words[m.start - 2] == "كل":
            return None
        return fi.words[m.start - 1]
    if m.start > 1 and (fi.words[m.start - 1] in _HOLDINGS or is_force(fi.words[m.start - 1])) \
            and fi.words[m.start - 2] in PREPOSITIONS:
        return fi.words[m.start - 2]  # "على مواقع الحوثيين", "لصالح ملف الولايات المتحدة", "مع قوات التحالف"
    if fi.words[m.start].startswith("لل") or fi.clitic_preposition(m.start) == "ل":
        # "استهدفت تجمعا للميليشيات", "على أهداف محددة لحزب العمال": the holder of what was hit,
        # governed as the holding is
        h = next((k for k in range(m.start - 1, max(m.start - 4, -1), -1) if fi.words[k] in _HOLDINGS), None)
        if h is not None and fi.mention_at(h) is None and not any(h < x.start < m.start for x in fi.mentions):
            return fi.words[h - 1] if h > 0 and fi.words[h - 1] in PREPOSITIONS else None
    first = fi.words[m.start]
    for clitic in _CLITIC_PREPS:
        if first.startswith(clitic):
            return "ل" if "لل" in clitic else clitic.lstrip("وف")[0]
    return fi.clitic_preposition(m.start)


def coordinated(fi: FieldIndex, m: Located) -> list[Located]:
    """The mention and those joined to it by و ("سوريا وروسيا")."""
    out = [m]
    while True:
        nxt = next((x for x in fi.mentions if x.start == out[-1].end and fi.words[x.start].startswith("و")), None)
        if nxt is None:
            return out
        out.append(nxt)


_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"})


def actor(fi: FieldIndex, start: int, end: int, sent: tuple[int, int], quote_span: tuple[int, int] | None,
          first_person: bool = False, previous: list[Located] | None = None,
          objects: set[int] = frozenset()) -> list[Located] | None:
    found = _actor(fi, start, end, sent, quote_span, first_person, previous, objects)
    if not found:
        return found
    return _led_by(fi, found[0].start) + found + _partners(fi, found[-1].end)


_JOINTLY = tuple(tuple(fold(w).split()) for w in ("بالتعاون مع", "بالاشتراك مع", "بالتنسيق مع", "بمشاركة", "إلى جانب",
                                                   "ومعها", "ومعه", "وبمشاركة"))


def _partners(fi: FieldIndex, k: int) -> list[Located]:
    """"شنت بريطانيا بالتعاون مع الولايات المتحدة وفرنسا غارات": the partners named right after
    an actor act with it."""
    for words in _JOINTLY:
        if tuple(fi.words[k:k + len(words)]) == words:
            m = fi.mention_at(k + len(words))
            return coordinated(fi, m) if m is not None else []
    return []


def _led_by(fi: FieldIndex, k: int) -> list[Located]:
    """"بريطانيا بالتعاون مع الولايات المتحدة وفرنسا … غارات": the actor named before the partners."""
    for words in _JOINTLY:
        if k >= len(words) and tuple(fi.words[k - len(words):k]) == words:
            m = next((x for x in fi.mentions if x.end == k - len(words)), None)
            return [m] if m is not None else []
    return []


def _actor(fi: FieldIndex, start: int, end: int, sent: tuple[int, int], quote_span: tuple[int, int] | None,
           first_person: bool = False, previous: list[Located] | None = None,
           objects: set[int] = frozenset()) -> list[Located] | None:
    """The actor mentions of a trigger at tokens [start, end), or None (the speaker of a quote is
    the caller's fallback, and always the actor of a first-person verb in a quotation).

    ``previous`` is the actor of the sentence's previous trigger: a verb joined by و with no
    subject of its own shares it ("اتهم ترامب روسيا وطالب بفتح تحقيق").
    """
    lo, hi = sent
    if quote_span is not None:
        lo, hi = max(lo, quote_span[0]), min(hi, quote_span[1])
    if first_person or start > 0 and fi.words[start - 1] in HE:
        return None  # "أعلن أنه سيزور المملكة": the speaker acts; the name after the verb is its object
    doer = _undertaker(fi, start, lo) or _done_by(fi, end, hi)
    if doer is not None:  # "قيام تنظيم داعش الإرهابي بخطف 200 مدني", "هجومان قام بهما مسلحون"
        return doer
    adjacent = _adjacent_subject(fi, start, lo)
    if adjacent is not None:  # subject-verb order: "نتنياهو يتوعد إيران"
        return adjacent
    relying = _genitive_before_preposition(fi, start, lo)
    if relying is not None:  # "اعتماد واشنطن على العقوبات ضد روسيا"
        return relying
    purpose = word_has_purpose_lam(fi.words[start])
    inside = next((x for x in fi.mentions if start < x.start < end < x.end), None)
    if inside is not None and not purpose and preposition(fi, inside) is None:
        return coordinated(fi, inside)  # "انسحبت القوات" + "القوات الأمريكية"
    after = None if purpose else subject_after(fi, end, hi)
    if after is not None and after[0].start not in objects and not _object_of_request(fi, start, after, hi):
        return after
    word = fi.words[start]
    if previous and word[:1] in ("و", "ف") and len(word) > 3 and word != "في":  # a و/ف-joined verb
        return previous
    return subject_before(fi, start, lo, objects)


_UNDERTAKING = frozenset(fold(w) for w in ("قيام", "بقيام", "وقيام", "لقيام", "إقدام", "بإقدام", "وإقدام"))


def _undertaker(fi: FieldIndex, start: int, lo: int) -> list[Located] | None:
    """"قيام X بـ<act>": the genitive of قيام (undertaking) does the act that follows with بـ."""
    if not fi.words[start].startswith("ب"):
        return None
    for k in range(start - 1, max(lo, start - 7) - 1, -1):
        if fi.words[k] in _UNDERTAKING:
            m = next((x for x in fi.mentions if k < x.start < start and x.start <= k + 4), None)
            return coordinated(fi, m) if m is not None else None
    return None


def _genitive_before_preposition(fi: FieldIndex, start: int, lo: int) -> list[Located] | None:
    """"اعتماد واشنطن على العقوبات": a verbal noun after a preposition belongs to the party named
    just before the preposition, itself the genitive of a noun."""
    if start - 2 < lo or fi.words[start - 1] not in PREPOSITIONS:
        return None
    m = next((x for x in fi.mentions if x.end == start - 1 and x.start > lo), None)
    if m is None or preposition(fi, m) is not None or fi.mention_at(m.start - 1) is not None \
            or fi.words[m.start - 1] in PREPOSITIONS or not fi.words[m.start - 1].isalpha():
        return None
    return [m]


_DONE = frozenset(fold(w) for w in ("شنه", "شنها", "شنته", "شنتها", "شنوه", "شنوها", "نفذه", "نفذها", "نفذته",
                                      "نفذتها", "نفذوه", "نفذوها", "تبناه", "تبنته", "تبنتها", "تبناها", "تبنوه"))
_DID = frozenset(fold(w) for w in ("قام", "قامت", "قاما", "قامتا", "قاموا"))
_WITH_IT = frozenset(fold(w) for w in ("به", "بها", "بهما", "بهم"))
_TO_IT = frozenset(fold(w) for w in ("إليه", "إليها", "عليه", "عليها", "به", "بها", "بهما", "فيه", "فيها"))


def _done_by(fi: FieldIndex, end: int, hi: int) -> list[Located] | None:
    """"هجوما شنه مسلحون حوثيون", "هجومان قام بهما مسلحون", "حادث تبنته مجموعة": the doer named
    in the relative clause right after the act."""
    for k in range(end, min(hi, end + 4)):
        word = fi.words[k]
        at = k + 1 if word in _DONE else k + 2 if word in _DID and k + 1 < hi and fi.words[k + 1] in _WITH_IT else None
        if at is None and word in _RELATIVES and k == end and k + 2 < hi:
            # "الاتفاق الذي توصلت إليه إيران": the subject of the relative clause's verb
            at = k + 3 if fi.words[k + 2] in _TO_IT else k + 2
        if at is not None:
            m = fi.mention_at(at)
            return coordinated(fi, m) if m is not None and preposition(fi, m) is None else None
    return None


def _adjacent_subject(fi: FieldIndex, start: int, lo: int) -> list[Located] | None:
    m = next((x for x in fi.mentions if x.end == start and x.start >= lo), None)
    if m is None or preposition(fi, m) is not None:
        return None
    head = m
    for x in reversed([y for y in fi.mentions if y.end <= m.start and y.start >= lo]):
        if x.end == head.start and fi.words[head.start].startswith("و"):
            head = x
        else:
            break
    out = coordinated(fi, head)
    k = head.start - 1
    if k > lo and fi.words[k] in HE and fi.words[head.start].startswith("و"):
        # "أفاد ماكرون بأنه وبوتين اتفقا": the pronoun is the speaker before it
        speaker = subject_before(fi, k, lo)
        if speaker:
            out = speaker[:1] + out
    return out


HE = frozenset(fold(w) for w in ("أنه", "بأنه", "إنه", "انه", "أنها", "بأنها", "إنها", "هو", "وهو", "فهو", "هي", "وهي",
                                   "فهي"))


def _object_of_request(fi: FieldIndex, start: int, after: list[Located], hi: int) -> bool:
    """"دعا الولايات المتحدة إلى …": the mention after the verb, followed by إلى, is whom the
    verb addresses, not its subject; a feminine verb before a state agrees with it as its subject
    ("دعت بريطانيا إلى تحقيق")."""
    k = after[-1].end
    if not (k < hi and fi.words[k] == "الي"):
        return False
    verb = fi.words[start]
    feminine = verb.endswith("ت") or verb.lstrip("وف").startswith("ت")
    return not (feminine and getattr(after[0].item, "kind", None) == "state")


def agent_by(fi: FieldIndex, end: int, hi: int) -> list[Located] | None:
    """"على يد X", "من قبل X" after a verbal noun."""
    for k in range(end, min(hi - 2, end + 8)):
        if (fi.words[k], fi.words[k + 1]) in _AGENT_MARKERS:
            m = fi.mention_at(k + 2)
            return coordinated(fi, m) if m else None
    return None


def word_has_purpose_lam(word: str) -> bool:
    """"تعود لابتزاز العراق", "لتلوح": a verb or verbal noun after the purpose لـ has the main
    verb's subject; the mention after it is its object."""
    return word.startswith("ل") and not word.startswith("لل") and len(word) > 4 and word[1] in "اتي"


_GROUPS = frozenset(fold(w) for w in ("دول", "دولة", "بلدان", "حكومات", "أطراف", "جهات", "الدول", "البلدان"))
_NAMELY = frozenset(fold(w) for w in ("وهي", "هي", "وهم", "هم", "وهما", "منها", "ومنها", "بينها", "وبينها"))


def listed_group(fi: FieldIndex, j: int, hi: int) -> list[Located] | None:
    """"صوتت سبع دول عربية … وهي السعودية والكويت والبحرين": a group the sentence then lists."""
    for k in range(j, hi - 1):
        if fi.words[k] in _NAMELY:
            m = fi.mention_at(k + 1)
            if m is not None and preposition(fi, m) is None:
                return coordinated(fi, m)
    return None


def subject_after(fi: FieldIndex, end: int, hi: int) -> list[Located] | None:
    """The subject right after a verb, or the agent genitive of a verbal noun; "كل من X و Y";
    a group the sentence lists further on ("سبع دول … وهي X و Y")."""
    group = next((k for k in range(end, min(hi, end + 3)) if fi.words[k] in _GROUPS), None)
    if group is not None and fi.mention_at(end) is None:
        return listed_group(fi, group + 1, hi)
    if end < hi and fi.words[end] in _MUNITIONS:
        return None
    j = end
    while j < hi and j - end <= _SUBJECT_REACH:
        if fi.words[j] == "كل" and j + 1 < hi and fi.words[j + 1] == "من":
            j += 2
            continue
        m = fi.mention_at(j)
        if m is not None:
            return coordinated(fi, m) if preposition(fi, m) is None else None
        if fi.words[j] not in _SKIP and not is_force(fi.words[j]):
            return None
        j += 1
    return None


def between(fi: FieldIndex, end: int, hi: int, reach: int = 2) -> tuple[list[Located], list[Located]] | None:
    """"مفاوضات بين روسيا ومسلحي جيش الإسلام": the two sides after بين; the second may follow
    words that describe the first ("بين القوات السورية التابعة للنظام والجيش الحر")."""
    j = end
    while j < hi and j - end <= reach and fi.words[j] != "بين":
        j += 1
    if j >= hi or fi.words[j] != "بين":
        return None
    first = fi.mention_at(j + 1)
    if first is None and j + 2 < hi and is_force(fi.words[j + 1]):
        first = fi.mention_at(j + 2)  # "بين قوات المقاومة والمليشيات الحوثية"
    if first is None:
        return None
    sides = coordinated(fi, first)
    if len(sides) >= 2:
        return sides[:1], sides[1:]
    # the second side after و, or after a noun with و naming its men ("ومسلحي جيش الإسلام")
    second = next((m for m in fi.mentions if first.end < m.start <= first.end + _SIDE_GAP and m.start < hi
                   and (fi.words[m.start].startswith("و") or fi.words[m.start - 1].startswith("و")
                        and fi.mention_at(m.start - 1) is None)), None)
    if second is None or any(_breaks(fi, k) or fi.words[k] == "،" for k in range(first.end, second.start)):
        return None
    return [first], coordinated(fi, second)


def subject_before(fi: FieldIndex, start: int, lo: int, objects: set[int] = frozenset()) -> list[Located] | None:
    """The subject before the trigger: the head of a relative clause that holds the trigger
    ("الولايات المتحدة التي تريد ابتزاز العراق … تضغط"), else the nearest mention not governed by a
    preposition and not already the object of an earlier verb (``objects``)."""
    cands = [m for m in fi.mentions if max(lo, start - _SUBJECT_BEFORE_REACH) <= m.start and m.end <= start
             and preposition(fi, m) is None
             and m.start not in objects]
    if not cands:
        return None
    rel = max((k for k in range(lo, start) if fi.words[k] in _RELATIVES), default=None)
    if rel is not None:
        head = next((m for m in cands if m.end == rel), None)
        if head is not None:
            return coordinated(fi, head)
    last = cands[-1]
    # "سوريا وروسيا" before the verb: start from the first of a coordinated run
    head = last
    for m in reversed(cands[:-1]):
        if m.end == head.start and fi.words[head.start].startswith("و"):
            head = m
        else:
            break
    return coordinated(fi, head)


_BELONGING = frozenset(fold(w) for w in ("التابعة", "التابع", "التابعين", "تابعة", "تابعا", "تابع", "المملوكة",
                                           "مملوكة", "العائدة", "عائدة"))


def _owner(fi: FieldIndex, m: Located) -> bool:
    """"المعدات … التابعة لشركة صينية": the owner of what the act took or hit is acted on."""
    return m.start > 0 and fi.words[m.start - 1] in _BELONGING


def clause_end(fi: FieldIndex, end: int, hi: int) -> int:
    """Where the clause of a trigger ending at ``end`` stops: the reach of its object, a word that
    opens a new clause, or a relative clause describing the name or place before it ("رفض نتنياهو
    الذي يعارض الاتفاق الذي توصلت إليه إيران", "في مدينة دوما التي تسيطر عليها المعارضة")."""
    limit = min(hi, end + _OBJECT_REACH)
    for k in range(end, limit):
        if _breaks(fi, k) or k > end and fi.words[k] == "،" and k + 1 < limit and _breaks(fi, k + 1):
            return k
        if fi.words[k] in _RELATIVES and any(x.end == k for x in fi.mentions + fi.places):
            return k
    return limit


def recipient(fi: FieldIndex, start: int, end: int, hi: int, preps: tuple[str, ...],
              taken: set[int], own: tuple[str, ...] = ()) -> list[Located]:
    """The first mention in reach after a trigger that one of its prepositions governs (or its
    direct object); a preposition of the trigger's own construction ("صوتت … لصالح X") is looked
    for first, past mentions the looser ones would take ("حليفة للمغرب")."""
    limit = clause_end(fi, end, hi)
    # a name may begin inside the trigger: "مع نظيره" + "نظيره الروسي فلاديمير بوتين"
    reach = [m for m in fi.mentions if start < m.start < limit and m.end > end and m.start not in taken]
    for wanted in (own, preps):
        for m in reach:
            p = preposition(fi, m)
            if p is not None and p in wanted or p is None and "obj" in wanted or _owner(fi, m):
                return coordinated(fi, m)
    return []
