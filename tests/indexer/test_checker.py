"""The copy checker's parts and its command-line contract, on the real KB."""
from __future__ import annotations

import json

import pytest

from indexer.copycheck import figures
from indexer.copycheck.blocks import split_blocks
from indexer.copycheck.normalize import normalize
from indexer.copycheck.report import render_markdown
from indexer.copycheck.stance import find_triggers, is_question, stance_of
from indexer.copycheck.sentences import split_sentences
from kb.cli import main
from kb.loader import load


@pytest.mark.parametrize("text,expected", [
    ("Dr. Smith treats PPD. It works.", ["Dr. Smith treats PPD.", "It works."]),
    ("Doses of 0.5 mg/kg. over 40 min. are typical.", ["Doses of 0.5 mg/kg. over 40 min. are typical."]),
    ("Options, e.g. ketamine, exist in the U.S. today. Ask us!", ["Options, e.g. ketamine, exist in the U.S. today.", "Ask us!"]),
    ("Relief in Hours\nBook now", ["Relief in Hours", "Book now"]),
    ("- 70% of patients improve\n• Six infusions\n2) Call us", ["70% of patients improve", "Six infusions", "Call us"]),
    ("It rose 2.5 times. Really? Yes.", ["It rose 2.5 times.", "Really?", "Yes."]),
    ('"It changed my life." She smiled.', ['"It changed my life."', "She smiled."]),
    ("No. You must arrange a ride. See No. 5 below.", ["No.", "You must arrange a ride.", "See No. 5 below."]),
    # a stop whose space the markup lost, and "etc." closing a list before a new sentence
    ("Doses climb far too high.Such misuse harms the bladder.", ["Doses climb far too high.", "Such misuse harms the bladder."]),
    ("Expect nausea, blurred vision, etc. Most of it fades.", ["Expect nausea, blurred vision, etc.", "Most of it fades."]),
    ("Book at www.Example.com. Or call.", ["Book at www.Example.com.", "Or call."]),
])
def test_sentences_survive_abbreviations_decimals_and_bullets(text, expected):
    spans = split_sentences(text)
    assert [s.text for s in spans] == expected
    assert all(text[s.start:s.end] == s.text for s in spans)


@pytest.mark.parametrize("text,kind,low,high", [
    ("About 70% of patients improve", "percent", 70, 70),
    ("seventy percent respond", "percent", 70, 70),
    ("one in seven new mothers", "percent", 100 / 7, 100 / 7),
    ("up to a fifth of mothers", "percent", 20, 20),
    ("relief within 24 hours", "duration", 24 * 60, 24 * 60),
    ("it wears off in 20 minutes", "duration", 20, 20),
    ("SSRIs take 4-6 weeks", "duration", 4 * 10080, 6 * 10080),
    ("a course of six infusions", "count", 6, 6),
    ("between 40 and 60 minutes", "duration", 40, 60),
    ("roughly half a dozen infusions", "count", 6, 6),
    ("it fades within half an hour", "duration", 30, 30),
])
def test_figures_are_read_with_their_units(text, kind, low, high):
    found = [f for f in figures.extract(text) if f.kind == kind]
    assert found, figures.extract(text)
    assert found[0].low == pytest.approx(low) and found[0].high == pytest.approx(high)


def stance(sentence: str, words: str):
    at = sentence.index(words)
    return stance_of(find_triggers(sentence), [(at, at + len(words))])


def test_stance_rules_apply_within_their_scope():
    assert stance("Ketamine may help some mothers", "help") == ("asserts", True)
    assert stance("Ketamine relieves depression within hours", "within hours") == ("asserts", False)
    assert stance("Ketamine is not addictive", "addictive")[0] == "denies"
    assert stance("There is no need to pump and dump after an infusion", "pump and dump")[0] == "denies"
    # an evidence gap or an open question is neither asserted nor denied
    assert stance("There is no evidence that ketamine prevents PPD", "prevents")[0] is None
    assert stance("Its safety in pregnancy has not been established", "safety")[0] is None
    assert stance("Whether it works long term is currently unknown", "works")[0] is None
    # negation reaches only its own clause; history and conditions deny nothing
    assert stance("It works within hours, and you won't need daily pills.", "within hours")[0] == "asserts"
    assert stance("Mothers who have not responded to SSRIs may benefit", "benefit")[0] == "asserts"
    assert stance("If the first medicine doesn't help, ketamine works within hours", "within hours")[0] == "asserts"
    assert is_question("Does ketamine pass into breast milk?")


def claims_of(engine, text):
    """The claims the text asserts."""
    return {c.id for s in engine.check(text).sentences for c in s.claims if c.stance == "asserts"}


def stances_of(engine, text):
    return {(c.id, c.stance) for s in engine.check(text).sentences for c in s.claims}


def test_a_claim_is_flagged_with_its_verdict(real_engine):
    report = real_engine.check("Most patients feel better within hours of their first infusion.")
    (sentence,) = report.sentences
    ids = {c.id: c for c in sentence.claims}
    assert "onset-within-hours" in ids
    claim = real_engine.snapshot().kb.claims["onset-within-hours"]
    assert ids["onset-within-hours"].verdict == claim.verdict


def test_negated_and_question_forms_are_not_flagged(real_engine):
    assert claims_of(real_engine, "There is no evidence that ketamine given during a caesarean prevents postpartum depression.") == set()
    assert claims_of(real_engine, "Does ketamine pass into breast milk?") == set()


def test_hedged_claims_are_flagged_and_marked(real_engine):
    report = real_engine.check("Ketamine given during a C-section may lower the risk of postpartum depression.")
    (sentence,) = report.sentences
    assert "csection-ketamine-prevents-ppd" in {c.id for c in sentence.claims}
    assert sentence.hedged


def test_copy_figure_outside_the_evidence_is_reported(real_engine):
    report = real_engine.check("Around 75% of our patients improve after treatment.")
    flags = [c for s in report.sentences for c in s.claims if c.id == "response-rate-70pct"]
    assert flags, report.to_dict()
    assert any(f.verdict == "outside" and "75%" in f.copy for f in flags[0].figures)


def test_several_claims_in_one_sentence(real_engine):
    ids = claims_of(real_engine, "Unlike SSRIs, which can take 4-6 weeks to work, ketamine infusions relieve symptoms within 24 hours.")
    assert {"onset-within-hours", "ssri-onset-weeks"} <= ids


def test_check_json_contract_from_the_command_line(cli_index_dir, real_engine, tmp_path, capsys):
    page = tmp_path / "copy.txt"
    page.write_text("Ketamine Relief\nFeel better within hours, not weeks.\nOur clinic has free parking.\n")
    code = main(["--kb-dir", str(real_engine.kb_dir), "--index-dir", str(cli_index_dir),
                 "check", str(page), "--json"])
    assert code == 0
    d = json.loads(capsys.readouterr().out)
    assert {"source", "truncated", "summary", "claims", "sentences"} <= set(d)
    assert set(d["summary"]) == {"sentences_checked", "claims_asserted", "claims_denied", "checkworthy_uncovered",
                                 "flagged_sentences"}
    assert d["summary"]["sentences_checked"] == len(d["sentences"]) == 3  # every sentence, flagged or not
    for s in d["sentences"]:
        assert {"text", "start", "end", "checkworthy", "claims"} <= set(s)
        assert d["text"][s["start"]:s["end"]] == s["text"]  # offsets into the checked text
    flagged = [s for s in d["sentences"] if s["claims"]]
    assert flagged and flagged[0]["claims"][0].keys() >= {"id", "stance", "verdict", "certainty", "score", "action", "figures"}
    assert flagged[0]["context"] == "Ketamine Relief"  # the subject carried from the heading
    info = d["claims"]["onset-within-hours"]
    assert {"statement", "verdict", "verdict_label", "certainty", "bottom_line", "accurate_wording"} <= set(info)
    assert d["sentences"][2]["claims"] == []


def test_check_markdown_and_stdin(cli_index_dir, real_engine, monkeypatch, capsys):
    import io
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("About 70% of patients improve with ketamine.".encode())))
    code = main(["--kb-dir", str(real_engine.kb_dir), "--index-dir", str(cli_index_dir), "check", "-", "--markdown"])
    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("# Evidence KB check")
    assert "response-rate-70pct" in out and "not medical advice" in out and "Action:" in out


def test_unreadable_source_is_a_clear_message(cli_index_dir, real_engine, tmp_path, capsys):
    code = main(["--kb-dir", str(real_engine.kb_dir), "--index-dir", str(cli_index_dir),
                 "check", str(tmp_path / "missing.txt")])
    assert code == 2
    assert "cannot check" in capsys.readouterr().err
    code = main(["--kb-dir", str(real_engine.kb_dir), "--index-dir", str(cli_index_dir),
                 "check", "http://127.0.0.1:9/page"])
    assert code == 2
    err = capsys.readouterr().err
    assert "cannot check" in err and "Traceback" not in err


def test_typos_in_copy_are_corrected_but_ordinary_words_are_not(real_engine):
    speller = real_engine.checker(real_engine.snapshot()).speller
    assert speller.correct("keep breastfeading during ketamin treatment") == "keep breastfeeding during ketamine treatment"
    ordinary = "Ketamine shows real promise, and your chances are good."
    assert speller.correct(ordinary) == ordinary
    assert "breastfeeding-compatible" in claims_of(real_engine, "It is totally fine to keep breastfeading during ketamine treatment.")


def test_a_denial_in_one_clause_keeps_the_other_clause_s_claim(real_engine):
    ids = claims_of(real_engine, "Spravato is FDA-approved for depression, but its label says it isn't recommended while breastfeeding.")
    assert {"esketamine-fda-approved", "esketamine-lactation-label"} <= ids
    assert claims_of(real_engine, "There is no good evidence yet that ketamine given at C-section prevents postpartum depression.") == set()


def test_denials_are_reported_as_denying(real_engine):
    assert ("breastfeeding-pause", "denies") in stances_of(real_engine, "There is no need to pump and dump after your infusion.")
    assert ("breastfeeding-compatible", "asserts") in stances_of(real_engine, "You don't need to stop breastfeeding during ketamine treatment.")


def test_negation_in_another_clause_keeps_the_claim(real_engine):
    assert "onset-within-hours" in claims_of(real_engine, "Ketamine relieves depression within hours, and you won't need daily pills.")
    assert "onset-within-hours" in claims_of(real_engine, "Unlike SSRIs, which don't work for weeks, ketamine relieves depression within hours.")


def test_rapid_alone_is_not_within_hours(real_engine):
    assert "onset-within-hours" not in claims_of(real_engine, "Ketamine is a rapid, fast-acting treatment for depression.")


def test_context_carries_the_subject(real_engine):
    text = "Side effects of ketamine include nausea and dizziness.\nThese effects are mild and wear off within an hour."
    assert "side-effects-mild-transient" in claims_of(real_engine, text)
    text = "Advantages of ketamine include:\n• relief within hours\n• compatible with breastfeeding"
    assert {"onset-within-hours", "breastfeeding-compatible"} <= claims_of(real_engine, text)


def test_uncovered_checkworthy_sentences_are_marked(real_engine):
    # (zuranolone's sleepiness and driving warning is a claim since the twentieth pass, its dosing with food is not)
    report = real_engine.check("Zuranolone should be taken with a fatty meal in the evening.\n"
                               "Book your free consultation today!")
    assert [s.checkworthy for s in report.sentences] == [True, False]
    assert [s.claims for s in report.sentences] == [[], []]


def test_a_claim_the_kb_added_is_check_worthy_beside_its_answer_and_a_catalog_claim_is_not(real_engine, real_kb_dir):
    """A reader who knows only the canonical catalog sees a sentence making an added claim as a check-worthy claim
    outside it: checkworthy is true there too, yet the sentence is not "not in the knowledge base"."""
    claims = load(real_kb_dir).claims
    assert not claims["ppd-hormonal-trigger"].catalog and claims["onset-within-hours"].catalog
    report = real_engine.check("Postpartum depression is triggered by the sharp drop in estrogen and progesterone after birth.\n"
                               "Ketamine relieves depression within hours.")
    first, second = report.sentences
    assert [c.id for c in first.claims] == ["ppd-hormonal-trigger"] and first.checkworthy and not first.uncovered
    assert "onset-within-hours" in {c.id for c in second.claims} and all(claims[c.id].catalog for c in second.claims)
    assert not second.checkworthy
    assert report.summary()["checkworthy_uncovered"] == 0
    d = report.to_dict()
    assert d["claims"]["ppd-hormonal-trigger"]["catalog"] is False and d["claims"]["onset-within-hours"]["catalog"] is True
    assert "Not in the knowledge base" not in render_markdown(d)


def test_list_items_take_the_heading_s_subject_through_the_cli(cli_index_dir, real_engine, tmp_path, capsys):
    """Plain-text intake makes every line a paragraph unit; short unpunctuated lines still act as headings."""
    page = tmp_path / "copy.txt"
    page.write_text("Ketamine for depression\nBenefits include:\n• relief within hours\n• safe while breastfeeding\n")
    assert main(["--kb-dir", str(real_engine.kb_dir), "--index-dir", str(cli_index_dir),
                 "check", str(page), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    by_text = {s["text"]: s for s in d["sentences"]}
    assert by_text["Benefits include:"]["claims"] == []  # a lead-in states nothing by itself
    assert "onset-within-hours" in {c["id"] for c in by_text["relief within hours"]["claims"]}
    assert "breastfeeding-compatible" in {c["id"] for c in by_text["safe while breastfeeding"]["claims"]}
    assert by_text["relief within hours"]["context"] == "Ketamine for depression"


def test_reference_lists_and_citation_lines_are_not_the_page_s_claims(real_engine):
    text = ("Spravato is FDA-approved for treatment-resistant depression.\nSources:\n"
            "Spravato (esketamine) approved in the U.S. as a monotherapy for adults with depression. 2025. https://example.org/a\n"
            "Smith J, et al. Esketamine is approved for depression. J Psychiatry. 2019;176(5):428-38.")
    flagged = [s.text for s in real_engine.check(text).sentences if s.claims]
    assert flagged == ["Spravato is FDA-approved for treatment-resistant depression."]
    # prose that cites in passing still states its claim
    assert "esketamine-fda-approved" in claims_of(
        real_engine, "Esketamine was approved by the FDA for depression in 2019 (Smith et al, 2019).")


def test_a_street_address_is_not_the_page_s_copy(real_engine):
    text = ("Our Locations\n580 Decker Drive, Ste 260,\nIrving, TX 75062\n13801 Bruce B Downs Blvd STE 203, Tampa, FL 33613\n"
            "Do not drive for the rest of the day after your treatment.\n120 Patients Took Part In The Study.\n")
    report = real_engine.check(text)
    by_text = {s.text: s for s in report.sentences}
    for line in ("580 Decker Drive, Ste 260,", "13801 Bruce B Downs Blvd STE 203, Tampa, FL 33613"):
        assert by_text[line].claims == [] and not by_text[line].checkworthy, line  # its "Drive" is no driving
    assert "no-driving-after-treatment" in {c.id for c in by_text["Do not drive for the rest of the day after your treatment."].claims}
    blocks = split_blocks(normalize(text))
    assert [b.kind for b in blocks][:4] == ["heading", "contact", "heading", "contact"]
    assert blocks[-1].kind != "contact"  # a figure that opens a sentence is no street number


def test_a_heading_that_names_a_topic_states_nothing(real_engine):
    assert claims_of(real_engine, "Esketamine Pregnancy and Breastfeeding Warnings") == set()
    assert "side-effects-mild-transient" in claims_of(real_engine, "Ketamine has minimal side effects")


def test_a_paragraph_that_ends_by_asking_still_states(real_engine):
    text = ("Postpartum depression can take a toll on the health of an entire family. "
            "What can be done about it?")
    assert "ppd-harms-mother-baby" in claims_of(real_engine, text)


def test_bracketed_reference_marks_end_a_sentence():
    text = "Nausea is common.[8][9] Physicians should monitor patients."
    assert [s.text for s in split_sentences(text)] == ["Nausea is common.[8][9]", "Physicians should monitor patients."]


def test_a_trial_report_takes_its_population_from_the_headline(real_engine):
    text = ("Esketamine nasal spray approved as monotherapy for treatment-resistant depression\n"
            "At week 4, 22.5% of esketamine recipients achieved remission compared with 7.6% of placebo recipients.\n"
            "Esketamine is a nasal spray that patients in our clinic find helpful and easy to use every week.")
    assert "trd-effective" in claims_of(real_engine, text.split("\n", 1)[0] + "\n" + text.split("\n")[1])
    # a sentence that reports no trial takes only the treatment from the headline
    report = real_engine.check(text)
    assert "trd-effective" not in {c.id for c in report.sentences[-1].claims}


def test_a_text_naming_no_treatment_is_taken_to_be_about_the_kb_subject(real_engine):
    assert "effects-last-long" in claims_of(real_engine, "After a full series, many clients stay well for months.")
    # a text naming another treatment is about that one
    assert "effects-last-long" not in claims_of(
        real_engine, "TMS is given daily for six weeks. After a full series, many clients stay well for months.")


def test_approval_referred_back_to_is_not_asserted_again(real_engine):
    assert "esketamine-fda-approved" not in claims_of(
        real_engine, "The approval was supported by data from a study in which esketamine improved depression.")


def test_a_general_claim_yields_to_a_narrower_one_in_the_same_sentence(real_engine):
    """`yields_to`: ketamine-effective-depression is not reported beside trd-effective, but is on its own."""
    both = "Ketamine treats depression effectively, even treatment-resistant depression where other antidepressants failed."
    assert "trd-effective" in claims_of(real_engine, both)
    assert "ketamine-effective-depression" not in claims_of(real_engine, both)
    assert "ketamine-effective-depression" in claims_of(real_engine, "Ketamine is highly effective against depression.")


def test_paper_titles_needs_and_study_subjects_assert_nothing(real_engine):
    title = ("Efficacy of esketamine nasal spray over quetiapine in the short and long term: "
             "sensitivity analyses of a randomised trial in treatment-resistant depression")
    assert claims_of(real_engine, title) == set()
    assert claims_of(real_engine, "We recognise the urgent need for effective relief from postpartum depression with ketamine.") == set()
    assert "csection-ketamine-prevents-ppd" not in claims_of(
        real_engine, "Many trials have tested ketamine given during caesarean delivery to prevent postpartum depression.")
    # ...while a finding, and a denied need, still count
    assert "csection-ketamine-prevents-ppd" in claims_of(
        real_engine, "Ketamine given during caesarean delivery prevents postpartum depression.")
    assert ("breastfeeding-pause", "denies") in stances_of(
        real_engine, "There is no need for pump and dump after a ketamine infusion.")


def test_a_question_answered_in_the_same_breath_lends_its_subject(real_engine):
    text = "Struggling with postpartum depression? Ketamine infusion therapy can help you feel like yourself again."
    assert "ketamine-treats-ppd" in claims_of(real_engine, text)
    assert "ketamine-treats-ppd" not in claims_of(real_engine, "Ketamine infusion therapy can help you feel like yourself again.")


def test_an_opening_subordinate_clause_keeps_its_triggers(real_engine):
    text = "Although ketamine isn't approved for postpartum depression, it often relieves symptoms within hours."
    assert ("onset-within-hours", "asserts") in stances_of(real_engine, text)
    # the same negation in the main clause still denies
    assert ("onset-within-hours", "denies") in stances_of(real_engine, "Ketamine does not relieve symptoms within hours.")


def test_a_claim_silenced_in_one_clause_is_still_found_in_another(real_engine):
    text = "If Paxil or Lexapro left you feeling flat and still depressed, you're not alone — these drugs often fall short."
    assert "ssri-often-fail" in claims_of(real_engine, text)
    # the condition alone asserts nothing
    assert "ssri-often-fail" not in claims_of(real_engine, "If Paxil or Lexapro left you still depressed, call us today.")


def test_an_if_clause_after_a_break_silences_a_claim_wholly_inside_it(real_engine):
    text = ("Sublingual ketamine is new—but if researchers develop home protocols as safe and effective as "
            "IV ketamine infusions, options will grow.")
    assert "ketamine-safe-well-tolerated" not in claims_of(real_engine, text)
    assert "ketamine-safe-well-tolerated" in claims_of(real_engine, "IV ketamine infusions are safe and effective.")
