"""The copy checker on the illness, the PPD drugs, mechanism and lactation/pregnancy claims, pass 12 (helper P12):
first-contact errors on the pages released in pass 12. Every sentence here is invented (none is copied from a page);
each test fails without the change it names, and each has a negative example beside it."""
from __future__ import annotations

from flagged import flags  # tests/indexer/flagged.py


def _last(engine, text):
    """The claims flagged in the text's last sentence."""
    last = engine.check(text).sentences[-1].text.strip()
    return {cid for sentence, cid, _ in flags(engine, text) if sentence == last}


def test_ppd_during_and_after_pregnancy_is_its_course(real_engine):
    """"A condition that can happen during or after pregnancy", "one of the most common complications during and after
    pregnancy": the span of pregnancy and after named as when the illness happens is its course (ppd-duration-course)."""
    for text in ("Perinatal depression is a condition that can happen during or after pregnancy.",
                 "Doctors now see postpartum depression as one of the most frequent complications during and after pregnancy."):
        assert "ppd-duration-course" in _last(real_engine, text), text
    # a risk raised by depression in that span is no course; nor is a drug's session
    for text in ("Postpartum depression matters. Depression during or after pregnancy raises the risk of a preterm birth.",
                 "Postpartum depression affects many. Ketamine sessions are monitored during and after pregnancy tests."):
        assert "ppd-duration-course" not in _last(real_engine, text), text


def test_ppd_more_persistent_than_the_blues_is_its_course(real_engine):
    """Set against the baby blues, PPD's symptoms that are "more persistent" (or that linger) are its course."""
    for text in ("Postpartum depression differs from the baby blues because its symptoms are heavier and more persistent.",
                 "Compared with the short baby blues, postnatal depression brings persistent feelings of despair."):
        assert "ppd-duration-course" in _last(real_engine, text), text
    # blues that persist and turn into PPD are the blues' course; a persistent symptom listed is no course
    for text in ("When the baby blues persist for weeks, they can turn into postpartum depression.",
                 "Postpartum depression is common and the baby blues are too; persistent sadness is a symptom of both."):
        assert "ppd-duration-course" not in _last(real_engine, text), text
