"""Whether a trigger reports an act that happened: negation, hypotheticals and the future.

- negated: a negation particle before the trigger, or before the verb whose object the trigger is
  with only the subject between ("لم تفرض الولايات المتحدة عقوبات");
- hypothetical: a condition (إذا، لو، في حال), a likelihood ("من المرجح أن", "ربما"), a hope
  ("معبرا عن أمله في انتهاء الأعمال العسكرية"), a rumour ("الأنباء التي تم تداولها عن طرد
  السفير"), or "قد" before
  an imperfect verb ("قد تفرض" = might impose; "قد فرضت" stays a past act);
- unreal: an act called fabricated or alleged ("هجوم كيماوي مفبرك", "الهجوم المزعوم");
- future: a verb with the future س or after سوف ("سيزور", "ستقدم مساعدات"); PLOVER codes the
  intent, not the act: material cooperation becomes AGREE, an implemented concession CONCEDE, and
  force or sanctions THREATEN.
"""
from __future__ import annotations

from ..lexicon.matcher import Match
from ..text.normalize import fold
from .field import FieldIndex

_NEGATION = frozenset(fold(w) for w in ("لم", "لن", "لا", "ما", "عدم", "غير", "دون", "بدون", "ليس", "ليست"))
_CONDITION = frozenset(fold(w) for w in ("إذا", "اذا", "لو", "لولا", "حال", "حالة", "ربما", "المرجح", "المحتمل",
                                         "المتوقع", "المفترض", "يحتمل", "يرجح", "يتوقع", "يشتبه", "المشتبه",
                                         "أمله", "أملها", "أملهم", "يأمل", "تأمل", "نأمل", "آمل", "يتمنى", "تتمنى",
                                         "نتمنى", "تداولها", "تداولتها", "المتداولة", "شائعات", "الشائعات", "إشاعات"))
_CONDITION_REACH = 10  # tokens back to a condition, likelihood or hope
_MIGHT = fold("قد")
_STILL = frozenset(fold(w) for w in ("يزال", "تزال", "يزالون", "زال", "زالت", "زالوا", "نزال", "أزال", "يبرح", "تبرح"))
_RELATIVES = frozenset(fold(w) for w in ("الذي", "التي", "الذين"))
_WAS = frozenset(fold(w) for w in ("كان", "كانت", "لكان", "لكانت"))
_FUTURE_WORD = fold("سوف")
_IMPERFECT = "يتنا"
# Words that begin with س + an imperfect prefix without being future verbs.
_NOT_FUTURE = frozenset(fold(w) for w in ("سيارة", "سيارات", "سياسة", "سياسات", "سيادة", "سيطرة", "سيناء", "سيول",
                                          "ستين", "ستار", "سنة", "سنوات", "سنين", "سياق", "سيدة", "سيد", "سياحة",
                                          "سياحي", "سيناريو", "سيف", "ستائر", "سيطرت", "سيطر", "سياج"))
# type of a future act -> (type of the intent, its CAMEO code: 036 intend to meet, 031 to cooperate
# materially, 033 to give aid, 035 to yield, 138 threaten force, 137 threaten repression, 131
# threaten non-force sanctions)
# Verbs that carry an ongoing act on ("ستمدد الضربات", "سيواصل القصف"): the act is not a future one.
_GO_ON = frozenset(fold(w) for w in ("يواصل", "تواصل", "نواصل", "يستمر", "تستمر", "نستمر", "يمدد", "تمدد", "نمدد",
                                     "يمضي", "تمضي", "يبقي", "تبقي", "يكثف", "تكثف"))
FUTURE_TYPE = {"CONSULT": ("AGREE", "036"), "COOPERATE": ("AGREE", "031"), "AID": ("AGREE", "033"),
               "RETREAT": ("CONCEDE", "035"), "ASSAULT": ("THREATEN", "138"), "COERCE": ("THREATEN", "137"),
               "SANCTION": ("THREATEN", "131")}
_VERB_REACH = 4  # tokens of a VSO subject between a negated verb and its object trigger


def _bare(word: str) -> str:
    return word[1:] if word[:1] in ("و", "ف") and len(word) >= 3 else word


def _verb_of_object(fi: FieldIndex, start: int, lo: int) -> int | None:
    """The verb a trigger is the object of, across a VSO subject: "تفرض" in "لم تفرض الولايات
    المتحدة عقوبات"."""
    k = start - 1
    covered = {i for m in fi.mentions for i in range(m.start, m.end)}
    while k >= lo and k in covered and start - k <= _VERB_REACH:
        k -= 1
    return k if lo <= k < start - 1 else None


def _negation(fi: FieldIndex, k: int) -> bool:
    """A negation particle at ``k``, not the "still" of "لا يزال", "ما زالت"."""
    return _bare(fi.words[k]) in _NEGATION and not (k + 1 < len(fi.words) and fi.words[k + 1] in _STILL)


def negated(fi: FieldIndex, start: int, lo: int) -> bool:
    if any(_negation(fi, k) for k in range(max(lo, start - 2), start)):
        return True
    verb = _verb_of_object(fi, start, lo)
    return verb is not None and verb - 1 >= lo and _negation(fi, verb - 1)


def hypothetical(fi: FieldIndex, start: int, lo: int) -> bool:
    if any(_bare(fi.words[k]) in _CONDITION for k in range(max(lo, start - _CONDITION_REACH), start)):
        return True
    if any(_bare(fi.words[k]) in _WAS and _future_verb(fi.words[k + 1]) for k in range(max(lo, start - 6), start)):
        return True  # "ما كان سيعنيه اللجوء للخيار العسكري": what would have been
    verb = _verb_of_object(fi, start, lo)
    for k in (start, verb):
        if k is not None and k > lo and fi.words[k - 1] == _MIGHT and _bare(fi.words[k])[:1] in "يتن":
            return True
    return False


_UNREAL = frozenset(fold(w) for w in ("مفبرك", "مفبركة", "المفبرك", "المفبركة", "مزعوم", "مزعومة", "المزعوم",
                                        "المزعومة", "وهمي", "وهمية", "الوهمي", "الوهمية", "مزيف", "مزيفة"))


def unreal(fi: FieldIndex, end: int, hi: int) -> bool:
    """"هجوم كيماوي مفبرك", "الهجوم المزعوم": an act the text calls fabricated or alleged."""
    return any(fi.words[k].strip('"«»') in _UNREAL for k in range(end, min(hi, end + 3)))


def _future_verb(word: str) -> bool:
    word = _bare(word)
    return word.startswith("س") and len(word) >= 5 and word[1] in _IMPERFECT and word not in _NOT_FUTURE \
        and word[1:] not in _GO_ON


def future(fi: FieldIndex, m: Match, lo: int) -> bool:
    """A future trigger verb ("سيزور"), or a trigger right after a future verb or سوف ("ستقدم
    مساعدات", "سوف تنسحب")."""
    word = _bare(fi.words[m.start])
    if word.startswith("س") and m.form[:1] in _IMPERFECT and word[1:2] == m.form[:1]:
        return True
    before = [fi.words[k] for k in range(max(lo, m.start - 2), m.start)]
    if m.end + 1 < len(fi.words) and fi.words[m.end] in _RELATIVES and _future_verb(fi.words[m.end + 1]):
        return True  # "الزيارة التي سيقوم بها …": the act the relative clause puts in the future
    return _FUTURE_WORD in before or (m.start > lo and _future_verb(fi.words[m.start - 1]))
