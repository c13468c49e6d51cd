"""Pass 10c (issue 10): general wordings of the safety and other-use claims that tuning copy used and the checker
missed or flagged wrongly. Every sentence here is invented, not copied from any page; each test fails without the
change it names."""
from __future__ import annotations

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_a_writers_worry_about_home_use_states_its_risk(real_engine):
    """The writer's worry, concern or call for care about ketamine taken at home states that home use is risky
    (ketamine-at-home-risk's third slot: worry, worried, be careful, careful about, concerned about)."""
    for sentence in ("I worry about people using ketamine at home.",
                     "We need to be careful about giving ketamine for use at home.",
                     "I am worried about ketamine being sold for home use.",
                     "Doctors are concerned about ketamine being self-administered at home."):
        assert (sentence, "ketamine-at-home-risk", "asserts") in flags(real_engine, sentence), sentence
    # reassurance about home use is not the risk claim
    for sentence in ("There is nothing to worry about when you take ketamine safely at home.",):
        assert "ketamine-at-home-risk" not in claim_ids(real_engine, sentence), sentence


def test_pain_relief_listed_among_the_drugs_effects_is_no_other_use(real_engine):
    """Pain relief named among what the drug does to anyone (trance-like states, drowsiness, altered perception,
    hypnotic effects) is its analgesic effect (round 5 rule 13: uncovered ketamine-analgesic-properties), not a pain
    condition it treats; a pain condition it is used for still is."""
    for sentence in ("Ketamine works by causing trance-like states, drowsiness, and pain relief.",
                     "Ketamine brings on drowsiness, a dreamy detachment and pain relief within minutes."):
        assert "ketamine-other-indications" not in claim_ids(real_engine, sentence), sentence
    for sentence in ("Ketamine is also used to treat chronic pain and PTSD.",):
        assert "ketamine-other-indications" in claim_ids(real_engine, sentence), sentence
