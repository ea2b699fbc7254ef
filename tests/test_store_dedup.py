"""Near-duplicate detection on hand-built article pairs."""
from __future__ import annotations

import numpy as np

from hadath.dedup import THRESHOLD, groups, near_duplicates, signature, similarity
from hadath.dedup.minhash import decode

STORY = ("أعلنت وزارة الداخلية السعودية اليوم القبض على خلية إرهابية مكونة من خمسة أشخاص في "
         "المنطقة الشرقية، وذكر المتحدث الأمني للوزارة في بيان أن الخلية كانت تخطط لاستهداف "
         "منشآت حكومية ومساجد خلال الأيام المقبلة، وأن الأجهزة الأمنية ضبطت بحوزتهم أسلحة "
         "ومتفجرات وأجهزة اتصال، مشيرا إلى أن التحقيقات ما زالت جارية لكشف بقية المتورطين.")
OTHER = ("افتتح أمير منطقة الرياض مساء أمس معرض الكتاب الدولي بمشاركة أكثر من خمسمائة دار نشر "
         "من ثلاثين دولة، ويستمر المعرض عشرة أيام تقام خلالها ندوات وأمسيات شعرية وورش عمل "
         "للأطفال، وقال مدير المعرض إن عدد الزوار المتوقع يتجاوز مليون زائر هذا العام.")


def _sig(text: str) -> np.ndarray:
    return decode(signature(text))


def test_wire_copy_with_spelling_variants_and_edits_is_a_near_duplicate():
    # Another outlet's copy: agency prefix, hamza and teh marbuta spelled differently,
    # diacritics, one clause dropped.
    copy = ("واس - الرياض: اعلنت وزارة الداخليه السعودية اليوم القبض على خلية إرهابيّة مكونة من "
            "خمسة أشخاص في المنطقة الشرقية، وذكر المتحدث الأمني للوزارة في بيان أن الخلية كانت "
            "تخطط لاستهداف منشآت حكومية ومساجد خلال الأيام المقبلة، مشيرا إلى أن التحقيقات ما "
            "زالت جارية لكشف بقية المتورطين.")
    assert similarity(_sig(STORY), _sig(copy)) >= THRESHOLD
    assert similarity(_sig(STORY), _sig(OTHER)) < 0.2
    assert similarity(_sig(STORY), _sig(STORY)) == 1.0


def test_short_texts_have_no_signature():
    assert signature("عاجل: انفجار في بغداد") is None


def test_pairs_and_groups_are_found_whatever_the_order():
    copy = "نقلا عن وكالة الأنباء: " + STORY
    rewrite = STORY.replace("خمسة أشخاص", "5 أشخاص").replace("اليوم", "أمس")
    docs = {"b/copy": copy, "a/story": STORY, "c/other": OTHER, "d/rewrite": rewrite}
    ids = list(docs)
    sigs = np.stack([_sig(docs[d]) for d in ids])
    pairs = near_duplicates(ids, sigs)
    assert {(p.doc_id, p.other_id) for p in pairs} == {
        ("a/story", "b/copy"), ("a/story", "d/rewrite"), ("b/copy", "d/rewrite")}
    assert all(p.doc_id < p.other_id and p.similarity >= THRESHOLD for p in pairs)
    reordered = near_duplicates(ids[::-1], sigs[::-1])
    assert reordered == pairs
    published = {"a/story": "2015-07-22", "b/copy": "2015-07-21", "d/rewrite": None}
    assert groups(pairs, published) == {d: "b/copy" for d in ("a/story", "b/copy", "d/rewrite")}
