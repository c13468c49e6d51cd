"""What the check-worthy step decides for one invented sentence, as the exclusion and recall tests ask it
(test_checkworthy_pass1*.py, test_checkworthy_round9.py, test_checkworthy_recall_pass10.py)."""
from __future__ import annotations

import pytest
import yaml

from indexer.copycheck import checkworthy_model
from indexer.copycheck.checkworthy import RULES_FILE, rules


# Invented sentences the guide calls check-worthy that the second stage (checkworthy_encoder.py) turns down. It
# was chosen on real pages of unseen sites, where it marks more of these and fewer other sentences; these cases
# are what it costs. Strict: a case it gets right again fails here, so the mark is removed.
SECOND_STAGE_MISS = pytest.mark.xfail(strict=True, reason="the second stage reads it as not check-worthy (session 13)")
# The stage's threshold rose from 0.54 to 0.59 when the report began marking sentences that make a claim the KB added
# (docs/checker.md, fourteenth pass): the same rule (out-of-fold others marked at most 6.8%) now asks more of a sentence.
THRESHOLD_MISS = pytest.mark.xfail(strict=True, reason="below the second stage's threshold of 0.59 (session 14)")
# Retrained on 596 tuning pages (docs/checker.md, seventeenth pass), the same rule gives 0.64: these fall below it.
RETRAINED_MISS = pytest.mark.xfail(strict=True, reason="below the second stage retrained at 0.64 (session 17)")
# Session 27: the stage retrained on the 793 tuning pages, where the same rule gives 0.68 (docs/checker.md, twenty-seventh
# pass); two invented positives fall below it.
RETRAINED_793_MISS = pytest.mark.xfail(strict=True, reason="below the second stage retrained at 0.68 on 793 pages (session 27)")
# Session 31: both check-worthiness models retrained on the 925 tuning pages (the same rule still gives 0.68); two more
# invented positives fall below it.
RETRAINED_925_MISS = pytest.mark.xfail(strict=True, reason="below the models retrained on 925 pages (session 31)")
# Session 35: both models retrained on the 1,067 tuning pages, where the rule gives 0.69 (docs/checker.md, thirty-fifth
# pass); two invented positives fall below 0.68 as well as 0.69, so the rule is followed again.
RETRAINED_1067_MISS = pytest.mark.xfail(strict=True, reason="below the models retrained on 1,067 pages (session 35)")
# Session 36: retrained on the 1,103 tuning pages, where the rule gives 0.69 again; one more invented positive falls
# below it (second stage 0.671; it would be below 0.68 too).
RETRAINED_1103_MISS = pytest.mark.xfail(strict=True, reason="below the models retrained on 1,103 pages (session 36)")
# Session 39: retrained on the 1,208 tuning pages, where the rule gives 0.70 (0.69 marks 6.9% of others, over the rule's
# 6.8%); one more invented positive falls below it.
RETRAINED_1208_MISS = pytest.mark.xfail(strict=True, reason="below the models retrained on 1,208 pages (session 39)")
# Session 41's one miss (the models retrained on 1,264 pages: bladder symptoms among long-term users) is marked again by
# the models retrained on 1,307 pages in session 43, missed again by those of session 44 (1,319 pages, threshold 0.70)
# and marked again by those of session 46 (1,349 pages, threshold 0.69), so its mark went once more.
# Session 47: the models retrained on 1,362 pages (the rule gives 0.70 again: 0.69 marks 7.0% of others) miss it again.
RETRAINED_1362_MISS = pytest.mark.xfail(strict=True, reason="below the models retrained on 1,362 pages (session 47)")


def only_sentence(engine, text):
    """The text's one sentence, which names no catalog claim (so the check-worthy step decides)."""
    report = engine.check(text)
    assert len(report.sentences) == 1, [s.text for s in report.sentences]
    sentence = report.sentences[0]
    assert not sentence.claims, [c.id for c in sentence.claims]
    return sentence


def exclusions_taking(text):
    """The names of the `hard_exclude` entries that take the text."""
    names = list(yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))["hard_exclude"])
    return [name for name, (match, unless) in zip(names, rules().hard_exclude)
            if match.search(text) and not (unless and unless.search(text))]


def model_marks(engine, text):
    """The stored first model's answer for the sentence, with the flags the pipeline computes (hard exclusions
    off). The exclusions were written against it; the second stage only settles what it is unsure of."""
    from indexer.copycheck import pipeline
    seen = {}
    original = pipeline.deferred

    def recording(sentence, **flags):
        seen.update(flags, text=sentence)
        return original(sentence, **flags)
    pipeline.deferred = recording
    try:
        engine.check(text)
    finally:
        pipeline.deferred = original
    return checkworthy_model.predict(seen["text"], {k: seen[k] for k in (
        "has_topic", "has_figure", "is_heading", "silent", "block_kind")})


def assert_needs_its_own_exclusion(engine, kind, text):
    """The stored model alone marks the sentence, and the entry named is the only exclusion that takes it."""
    assert exclusions_taking(text) == [kind]
    assert model_marks(engine, text), "the stored model no longer marks it: the case tests nothing"


def exclusion_tests(cases):
    """The two tests every list of (hard_exclude entry, invented sentence) cases gets: the sentence is not marked,
    and the entry named is what keeps it out (the model alone would mark it). A module binds them to its own names:
    `test_these_kinds_are_not_check_worthy, test_each_case_needs_its_own_exclusion = exclusion_tests(CASES)`."""
    @pytest.mark.parametrize("kind,text", cases)
    @pytest.mark.frames_only  # whether the step marks the sentence, not whether the claim model finds a claim in it
    def test_these_kinds_are_not_check_worthy(real_engine, kind, text):
        assert only_sentence(real_engine, text).checkworthy is False

    @pytest.mark.parametrize("kind,text", cases)
    def test_each_case_needs_its_own_exclusion(real_engine, kind, text):
        assert_needs_its_own_exclusion(real_engine, kind, text)
    return test_these_kinds_are_not_check_worthy, test_each_case_needs_its_own_exclusion
