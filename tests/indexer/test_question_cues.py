"""Question wording as search knowledge (kb/topics.yaml `questions`): "How does ketamine work?" asks for a mechanism
without naming one, "Who is Spravato for?" for an indication. Measured on people's own questions in
docs/benchmarks.md ("People's own questions"); these tests pin what each part does."""
from __future__ import annotations

from whoosh import query as wq

from kb.cli import main


def _terms(q: wq.Query) -> set[str]:
    return {t for _, t in q.all_terms()}


def test_a_question_wording_adds_the_words_it_stands_for_at_a_lower_weight(real_engine):
    from indexer.query import QUESTION_BOOST
    builder = real_engine.snapshot().builder
    asked = builder.build("How does ketamine work?")
    plain = builder.build("ketamine work")
    assert "mechan" in " ".join(_terms(asked)) and "mechan" not in " ".join(_terms(plain))
    added = [leaf for leaf in asked.leaves() if leaf.fieldname == "text" and "mechan" in str(getattr(leaf, "text", ""))]
    assert added and all(leaf.boost == QUESTION_BOOST for leaf in added)


def test_the_question_is_read_from_the_typed_words_not_from_the_widened_query(real_engine):
    # search widens a misspelled query with its correction and gives the typed words as `asked` (indexer/search.py):
    # a word the widening repeats must not make a question ("ketamine ... ketamine" was once read as a comparison)
    builder = real_engine.snapshot().builder
    typed = "spravato ketamine diffrence"
    widened = f"{typed} spravato ketamine difference"
    assert "rem" in _terms(builder.build(widened))  # the widened words, read as a question, ask for a comparison
    assert "rem" not in _terms(builder.build(widened, asked=typed))  # the typed words do not
    assert "rem" in _terms(builder.build("spravato vs ketamine"))


def test_how_does_it_work_finds_the_mechanism_first(real_engine):
    for question in ("How does ketamine work?", "How does ketamine treat depression?", "How Does Spravato Work?"):
        ids = [h.id for h in real_engine.search(question, type="claim", per_page=3).results]
        assert ids[0] in {"nmda-glutamate-mechanism", "neuroplasticity-synaptogenesis"}, (question, ids)


def test_who_is_it_for_finds_the_indication_or_who_should_not_have_it(real_engine):
    ids = [h.id for h in real_engine.search("Who is a good candidate for ketamine?", type="claim", per_page=3).results]
    assert {"trd-effective", "ketamine-contraindications"} & set(ids), ids


def test_a_safety_question_about_breastfeeding_keeps_to_breastfeeding(real_engine):
    ids = [h.id for h in real_engine.search("Is ketamine safe while breastfeeding?", type="claim", per_page=3).results]
    assert ids[0] in {"breastfeeding-compatible", "milk-transfer-minimal", "breastfeeding-pause"}, ids


def test_kb_validate_names_a_question_cue_that_is_not_a_regular_expression(kbdir, capsys):
    topics = kbdir / "topics.yaml"
    topics.write_text(topics.read_text() + "questions:\n  - asks: '\\bhow (does'\n    means: [mechanism]\n")
    code = main(["--kb-dir", str(kbdir), "validate"])
    out = capsys.readouterr()
    assert code == 1
    assert "topics.yaml" in out.err and "is not a regular expression" in out.err


def test_what_is_a_medicine_finds_its_approval_but_an_illness_keeps_its_own_claims(real_engine):
    ids = [h.id for h in real_engine.search("What is Spravato?", type="claim", per_page=3).results]
    assert ids[0] == "esketamine-fda-approved", ids
    builder = real_engine.snapshot().builder
    assert "approv" not in _terms(builder.build("What is postpartum depression?"))
    assert "approv" in _terms(builder.build("what is ketamine"))


def test_how_is_it_different_asks_for_its_speed_and_mechanism_not_a_comparison_of_the_two_drugs(real_engine):
    for question in ("How is Spravato different from regular antidepressants?", "How Is Spravato® Different?"):
        ids = [h.id for h in real_engine.search(question, type="claim", per_page=3).results]
        assert {"ketamine-rapid-onset", "nmda-glutamate-mechanism", "ssri-onset-weeks"} & set(ids), (question, ids)
    builder = real_engine.snapshot().builder
    assert "mechan" in " ".join(_terms(builder.build("What makes esketamine unique?")))
    # ketamine against esketamine is the comparison cue's (approval, route), not this one's
    assert "mechan" not in " ".join(_terms(builder.build("How is esketamine different from ketamine?")))


def test_how_long_it_lasts_asks_for_durability_but_not_the_illness_s_course_nor_the_onset(real_engine):
    ids = [h.id for h in real_engine.search("How long will Spravato keep working?", type="claim", per_page=3).results]
    assert ids[0] in {"effects-last-long", "single-infusion-short-lived", "maintenance-may-be-needed"}, ids
    builder = real_engine.snapshot().builder
    assert "relaps" in _terms(builder.build("How long does ketamine last for depression?"))
    for own_words in ("How long does postpartum depression last?", "how long does ketamine take to work",
                      "how long do ketamine side effects last"):
        assert "relaps" not in _terms(builder.build(own_words)), own_words


def test_whether_it_works_asks_for_efficacy_and_how_it_works_still_for_the_mechanism(real_engine):
    ids = [h.id for h in real_engine.search("Does ketamine really work?", type="claim", per_page=3).results]
    assert ids[0] == "ketamine-effective-depression", ids
    builder = real_engine.snapshot().builder
    assert "improv" in _terms(builder.build("Is ketamine the cure for depression?"))
    assert "improv" not in _terms(builder.build("How does ketamine work?"))
