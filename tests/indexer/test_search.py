"""The search engine on a real Whoosh index: contract, filters, facets, pages, suggestions, safety."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from indexer.engine import Engine
from indexer.query import words_query
from kb.cli import main

REPO = Path(__file__).resolve().parents[2]



def test_json_contract_shape(real_engine):
    d = real_engine.search("ketamine breast milk").to_dict()
    assert {"query", "total", "suggestion", "results", "facets"} <= set(d)
    assert d["query"] == "ketamine breast milk"
    assert d["total"] >= len(d["results"]) > 0
    first = d["results"][0]
    assert {"type", "id", "title", "verdict", "score", "snippet"} <= set(first)
    assert first["type"] in ("claim", "study")
    assert set(d["facets"]) == {"type", "topic", "verdict", "design", "year"}
    assert sum(d["facets"]["type"].values()) == d["total"]
    json.dumps(d)  # serialisable as is


def test_cli_json_matches_the_engine(cli_index_dir, real_engine, capsys):
    code = main(["--kb-dir", str(real_engine.kb_dir), "--index-dir", str(cli_index_dir),
                 "search", "caesarean esketamine", "--json", "--limit", "5", "--type", "claim"])
    assert code == 0
    d = json.loads(capsys.readouterr().out)
    assert d["results"] and all(r["type"] == "claim" for r in d["results"])
    assert d["facets"]["type"] == {"claim": d["total"]}
    assert [r["id"] for r in d["results"]] == [
        h.id for h in real_engine.search("caesarean esketamine", type="claim", per_page=5).results]


def test_cli_prints_readable_results(cli_index_dir, real_engine, capsys):
    main(["--kb-dir", str(real_engine.kb_dir), "--index-dir", str(cli_index_dir), "search", "breastfeeding"])
    out = capsys.readouterr().out
    assert re.search(r"^\d+ result\(s\)", out, re.M)
    assert re.search(r"^1\. (claim|study) ", out, re.M)


def test_multiword_queries_do_not_require_every_word(real_engine):
    r = real_engine.search("ketamine breastfeeding zebra")
    assert r.total > 0


def test_filters_in_the_query_and_as_arguments_agree(real_engine):
    a = real_engine.search("ketamine topic:csection-prophylaxis type:study")
    b = real_engine.search("ketamine", topic="csection-prophylaxis", type="study")
    assert a.total == b.total > 0
    assert [h.id for h in a.results] == [h.id for h in b.results]
    assert all(h.type == "study" and "csection-prophylaxis" in h.topics for h in a.results)


def test_year_range_and_design_filters(real_engine):
    r = real_engine.search("", design="rct", year="2023-2025", per_page=50)
    assert r.total > 0
    assert all(h.design == "rct" and 2023 <= h.year <= 2025 for h in r.results)
    assert set(r.facets["year"]) <= {"2023", "2024", "2025"}


def test_verdict_filter_and_facets_count_overlapping_topics(real_engine):
    r = real_engine.search("", type="claim", per_page=50)
    assert r.total == len(real_engine.snapshot().kb.claims)
    topic_sum = sum(r.facets["topic"].values())
    assert topic_sum > r.total  # claims carry several topics: each is counted under each
    verdict = next(iter(r.facets["verdict"]))
    v = real_engine.search("", verdict=verdict, per_page=50)
    assert v.total == r.facets["verdict"][verdict]
    assert all(h.verdict == verdict for h in v.results)


def test_bad_filters_are_explained_not_fatal(real_engine):
    r = real_engine.search("ketamine verdict:proven year:abc topic:nowhere")
    assert r.total > 0
    assert "Unknown verdict 'proven'" in r.message
    assert "Could not read year 'abc'" in r.message
    assert "Unknown topic 'nowhere'" in r.message


def test_pagination_is_consistent(real_engine):
    page1 = real_engine.search("ketamine", per_page=5, page=1)
    page2 = real_engine.search("ketamine", per_page=5, page=2)
    both = real_engine.search("ketamine", per_page=10, page=1)
    assert [h.id for h in page1.results + page2.results] == [h.id for h in both.results]
    assert page1.to_dict()["pages"] == -(-page1.total // 5)
    beyond = real_engine.search("ketamine", per_page=5, page=999)
    assert beyond.results == [] and beyond.total == page1.total


def test_quoted_phrase_is_stricter_than_words(real_engine):
    loose = real_engine.search("infant dose")
    phrase = real_engine.search('"relative infant dose"')
    assert 0 < phrase.total <= loose.total


def test_did_you_mean_suggests_and_searches_the_correction(real_engine):
    r = real_engine.search("brestfeeding")
    assert r.suggestion == "breastfeeding"
    assert r.suggestion_searched and r.total > 0
    assert "showing results for 'breastfeeding'" in r.message


def test_no_suggestion_for_a_good_query(real_engine):
    assert real_engine.search("breastfeeding").suggestion is None


@pytest.mark.parametrize("raw", ['"unbalanced', "AND", "OR OR", "NOT", "(", ")", "*", "k*", "a" * 10_000,
                                 "\x00\x1b[31m", "🤱💉", "title:(x OR", "[a TO", "ketamine~5", "year:1800-", "\\",
                                 "topic:", 'verdict:"', "   "])
def test_hostile_queries_answer_without_error(real_engine, raw):
    r = real_engine.search(raw)
    assert len(r.results) <= min(r.total, r.per_page)
    assert json.loads(json.dumps(r.to_dict()))["total"] == r.total  # what the API would send
    if r.total == 0:
        assert r.message


def test_long_query_is_cut_and_says_so(real_engine):
    r = real_engine.search("ketamine " * 2000)
    assert "only the first" in r.message
    assert len(r.query) <= 500


def test_short_prefix_is_not_expanded(real_engine):
    assert real_engine.search("k*").total == 0
    assert real_engine.search("ketam*").total > 0


@pytest.fixture
def hostile_engine(kbdir, tmp_path):
    root = kbdir
    claim = root / "claims" / "fixture-claim.yaml"
    claim.write_text(claim.read_text().replace(
        'bottom_line: "A fixture bottom line."',
        'bottom_line: "Breast milk <script>alert(1)</script> and <img src=x onerror=alert(2)> & more."'))
    engine = Engine(root, tmp_path / "index", auto_refresh=False)
    engine.rebuild()
    return engine


def test_snippets_escape_record_text_and_query(hostile_engine):
    for q in ["milk", "<script>alert(1)</script> milk", '"><img src=x onerror=alert(3)> milk']:
        r = hostile_engine.search(q)
        assert r.results
        for hit in r.results:
            without_marks = re.sub(r'</?mark(?: class="match term\d+")?>', "", hit.snippet)
            assert "<" not in without_marks and ">" not in without_marks.replace("&gt;", ""), hit.snippet
        assert any("&lt;script&gt;" in h.snippet or "&lt;img" in h.snippet for h in r.results)


def test_to_dict_equals_dataclasses_asdict_and_is_a_fresh_copy(real_engine):
    from dataclasses import asdict

    for q in ("ketamine breast milk", "ketamin breastfeding", "", "topic:safety ketamine"):
        result = real_engine.search(q)
        expected = {**asdict(result), "pages": result.pages}
        got = result.to_dict()
        assert got == expected
        if got["results"]:
            got["results"][0]["topics"].append("changed")
            got["facets"].setdefault("type", {})["changed"] = 1
            assert "changed" not in result.results[0].topics and "changed" not in result.facets.get("type", {})


def test_cached_snippets_equal_fresh_ones_and_follow_the_text(real_engine):
    from whoosh import highlight

    from indexer import search as search_mod
    from indexer.analysis import base_analyzer
    from indexer.lru import LRU

    search_mod._HIGHLIGHTS = LRU(16)
    first = [h.snippet for h in real_engine.search("ketamine breast milk", per_page=5).results]
    cached = [h.snippet for h in real_engine.search("ketamine breast milk", type="claim", per_page=5).results]
    search_mod._HIGHLIGHTS = LRU(0)  # caches that keep nothing: every snippet fresh
    search_mod._TOKENS = LRU(0)
    # per_page 6: another request, so the engine's result cache cannot answer it
    fresh = [h.snippet for h in real_engine.search("ketamine breast milk", type="claim", per_page=6).results][:5]
    assert cached == fresh and any("<mark" in s for s in first)
    formatter = highlight.HtmlFormatter(tagname="mark", between=" … ")
    fragmenter = highlight.ContextFragmenter(maxchars=240, surround=60)
    terms = frozenset({"milk"})
    search_mod._HIGHLIGHTS = LRU(16)
    a = search_mod._highlight("Breast milk levels were low.", terms, base_analyzer(), fragmenter, formatter)
    b = search_mod._highlight("Breast milk levels were high.", terms, base_analyzer(), fragmenter, formatter)
    assert "low" in a and "high" in b
    assert search_mod._HIGHLIGHTS.get(("Breast milk levels were low.", terms)) == a


def test_highlighting_from_cached_tokens_equals_whoosh_analysing_the_text(real_engine):
    from whoosh import highlight

    from indexer import search as search_mod
    from indexer.analysis import base_analyzer

    formatter = highlight.HtmlFormatter(tagname="mark", between=" … ")
    fragmenter = highlight.ContextFragmenter(maxchars=240, surround=60)
    analyzer = base_analyzer()
    kb = real_engine.snapshot().kb
    texts = [c.bottom_line for c in list(kb.claims.values())[:20]] + [s.summary for s in list(kb.studies.values())[:20]]
    for words in ({"ketamin", "milk"}, {"depress", "postpartum"}, {"infus"}):
        terms = frozenset(words)
        for text in filter(None, texts):
            tokens = highlight.set_matched_filter(
                analyzer(text, chars=True, positions=True, mode="index", removestops=False), terms)
            expected = formatter(text, highlight.top_fragments(fragmenter.fragment_tokens(text, tokens), 2,
                                                               highlight.BasicFragmentScorer(), highlight.FIRST, 1))
            assert search_mod._highlight_now(text, terms, analyzer, fragmenter, formatter) == expected
            assert search_mod._highlight_now(text, terms, analyzer, fragmenter, formatter) == expected  # cached tokens


def test_shared_scored_matches_give_the_same_pages_as_collecting_through_the_filter(real_engine):
    """indexer/matches.py answers filters and pages from one scoring of the query; the results must
    equal Whoosh collecting through the filter, for every filter and page tried."""
    from ruamel.yaml import YAML

    from indexer import matches as matches_mod
    from indexer.query import filter_query, parse
    from indexer.search import SearchRequest, _run, _run_collecting

    snap = real_engine.snapshot()
    searcher = real_engine._searcher(snap)
    queries = [q["query"] for q in YAML(typ="safe").load((REPO / "tests/data/search_relevance.yaml").read_text())["queries"]]
    filters = [{}, {"type": "claim"}, {"type": "study"}, {"topic": "safety"}, {"verdict": "supported"},
               {"topic": "breast-milk-transfer", "type": "study"}, {"year": "2020-2026"}]
    compared = 0
    for text in queries[::4] + ["ketamine", "postpartum depression ketamine esketamine infusion"]:
        parsed = parse(text, snap.kb.vocabulary, {})
        q = snap.builder.build(parsed.text)
        for given in filters:
            filt = filter_query(given)
            for page, per_page in ((1, 10), (2, 10), (3, 5)):
                req = SearchRequest(q=text, page=page, per_page=per_page)
                shared, collected = _run(searcher, q, filt, req, browse=False), _run_collecting(searcher, q, filt, req, browse=False)
                assert (shared.total, shared.facets) == (collected.total, collected.facets), (text, given, page)
                assert [(h.id, h.score, h.snippet) for h in shared.hits] == \
                       [(h.id, h.score, h.snippet) for h in collected.hits], (text, given, page)
                compared += 1
    assert compared > 500
    # a page past the kept matches is collected afresh, not cut short
    matches_mod.MAX_SCORED, kept = 3, matches_mod.MAX_SCORED
    try:
        matches_mod._builds.clear()
        q = snap.builder.build("ketamine")
        req = SearchRequest(q="ketamine", page=2, per_page=5)
        assert [h.id for h in _run(searcher, q, None, req, browse=False).hits] == \
               [h.id for h in _run_collecting(searcher, q, None, req, browse=False).hits]
    finally:
        matches_mod.MAX_SCORED = kept
        matches_mod._builds.clear()


def test_a_parsed_query_is_kept_per_build_and_searches_like_a_fresh_parse(real_engine):
    from indexer.query import QueryBuilder

    snap = real_engine.snapshot()
    kept = snap.builder
    fresh = QueryBuilder(snap.ix.schema, snap.kb.vocabulary, snap.builder.subject, snap.builder.meaning)
    for text in ("ketamine breast milk", "esketamin~ cesarian", "\"pump and dump\" OR relapse", "infus*", "NOT OR x"):
        first = kept.build(text)
        assert kept.build(text) is first  # parsed once per build
        assert first == fresh.build(text)
        with snap.ix.searcher() as s:
            assert [h["id"] for h in s.search(first, limit=10)] == [h["id"] for h in s.search(fresh.build(text), limit=10)]


def test_related_words_count_as_one_word(real_engine):
    """A record using several words of a related group ("quickly", "fast", "rapid", "onset") gets
    the group once, saturated, not each word's score added up; one with the typed word alone
    scores as that word does, weighed by the rarity of the group's most common word."""
    from whoosh import query as wq

    from indexer.query import RelatedWords
    from indexer.search import weighting

    snap = real_engine.snapshot()
    q = words_query(snap.builder.build("quickly"))
    group = next(sub for sub in q.subqueries if isinstance(sub, RelatedWords))
    typed, alts = group.subqueries[0], group.subqueries[1:]
    assert typed.text == "quick" and {a.text for a in alts} >= {"fast", "rapid"}
    with snap.ix.searcher(weighting=weighting()) as s:
        def scores(query):
            return {hit.docnum: hit.score for hit in s.search(query, limit=None)}

        as_group, summed, alone = scores(group), scores(wq.Or(list(group.subqueries))), scores(typed)
        having = {t.text: set(s.docs_for_query(t)) for t in group.subqueries}
        several = [d for d in as_group if sum(d in docs for docs in having.values()) >= 2]
        only_typed = [d for d in as_group if d in having["quick"] and sum(d in docs for docs in having.values()) == 1]
        assert set(as_group) == set(summed)  # the same records match
        assert several and all(as_group[d] < summed[d] for d in several)
        rarity = min(s.idf("text", t.text) for t in group.subqueries) / s.idf("text", "quick")
        assert rarity < 1
        assert only_typed and all(as_group[d] == pytest.approx(alone[d] * rarity) for d in only_typed)
        # Whoosh's skipping of records that cannot make the top N keeps the same top N.
        question = snap.builder.build("how quickly do SSRIs start working")
        every = sorted(scores(question).items(), key=lambda kv: (-kv[1], kv[0]))
        assert [hit.docnum for hit in s.search(question, limit=3)] == [d for d, _ in every[:3]]


def test_search_keeps_other_and_drops_else_while_the_checker_keeps_its_stop_list(real_engine):
    from whoosh import query as wq

    from indexer.analysis import analyse, search_analyzer, text_analyzer

    snap = real_engine.snapshot()
    assert ("text", "other") in set(snap.builder.build("other antidepressants").iter_all_terms())
    assert snap.builder.build("what else") is wq.NullQuery
    assert "Nothing searchable" in real_engine.search("what else").message
    assert [t.text for t in search_analyzer()("what else, other drugs")] == ["other", "drug"]
    assert [t.text for t in text_analyzer()("what else, other drugs")] == ["els", "drug"]
    assert analyse("other drugs") == ["drug"]


def _related_group(q):
    from indexer.query import RelatedWords

    q = words_query(q)
    return next((sub for sub in getattr(q, "subqueries", [q]) if isinstance(sub, RelatedWords)), None)


def test_a_multi_word_related_member_is_found_in_typed_words_and_searched_as_a_phrase(real_engine):
    """A `related` member of two words ("go away") is found in unquoted text by its analysed words,
    expanded at the related weight, and searched as a phrase when it is the alternative."""
    from whoosh import query as wq

    from indexer.query import RELATED_BOOST, QueryBuilder
    from indexer.search import weighting

    snap = real_engine.snapshot()
    vocab = snap.kb.vocabulary.model_copy(update={"related": [["go away", "fade"]]})
    builder = QueryBuilder(snap.ix.schema, vocab)
    for text in ("does it go away", "going away quickly", '"go away"', "dissociation go-away"):
        group = _related_group(builder.build(text))
        assert group is not None, text
        assert group.subqueries[0] == wq.Phrase("text", ["go", "away"])
        assert group.subqueries[1:] == [wq.Term("text", "fade", boost=RELATED_BOOST)]
    for text in ("away we go", "go far away", '"go away soon"'):  # other order, a word between, a longer quote
        assert _related_group(builder.build(text)) is None, text
    assert builder.quote_phrases("go away* fast") == "go away* fast"  # a prefix search stays as typed

    group = _related_group(builder.build("fading"))
    assert group.subqueries[1:] == [wq.Phrase("text", ["go", "away"], boost=RELATED_BOOST)]
    with snap.ix.searcher(weighting=weighting()) as s:
        def scores(query):
            return {hit.docnum: hit.score for hit in s.search(query, limit=None)}

        phrase_docs = set(s.docs_for_query(wq.Phrase("text", ["go", "away"])))
        assert phrase_docs and phrase_docs <= set(scores(group))
        assert set(scores(group)) == set(scores(wq.Or(list(group.subqueries))))
        question = builder.build("does the effect go away or fade quickly")
        every = sorted(scores(question).items(), key=lambda kv: (-kv[1], kv[0]))
        assert [hit.docnum for hit in s.search(question, limit=3)] == [d for d, _ in every[:3]]


def test_wear_off_is_read_whole(real_engine):
    """"off" is not a search stop word: "wear off" is a phrase of the go-away group (with "off"
    dropped it was every "wear", and not related to anything)."""
    from whoosh import query as wq

    builder = real_engine.snapshot().builder
    group = _related_group(builder.build("do the effects wear off"))
    assert group is not None and group.subqueries[0] == wq.Phrase("text", ["wear", "off"])
    assert wq.Term("text", "fade", boost=group.subqueries[1].boost) in group.subqueries
    assert _related_group(builder.build("wear a mask")) is None


def test_kb_validate_names_related_members_search_would_ignore_or_misread(kbdir, capsys):
    topics = kbdir / "topics.yaml"
    topics.write_text(topics.read_text().replace(
        "related: []", "related:\n  - [relapse, come back, again]\n  - [kick in, fade, reduce the risk]\n"))
    code = main(["--kb-dir", str(kbdir), "validate"])
    out = capsys.readouterr()
    assert code == 1
    lines = topics.read_text().splitlines()
    at = next(i for i, line in enumerate(lines, 1) if "again" in line)
    assert f"topics.yaml:{at}: related.0.2: 'again' has no word search can use" in out.err
    at = next(i for i, line in enumerate(lines, 1) if "kick in" in line)
    assert f"topics.yaml:{at}: warning: related.1.0: 'kick in' loses the stop word(s) 'in'" in out.out
    assert "come back" not in out.out + out.err  # two words search reads as written
    assert "reduce the risk" not in out.out + out.err  # a stop word inside a phrase is harmless


def test_a_quoted_phrase_with_a_stop_word_in_it_finds_its_own_words(real_engine):
    """Search's positions close the gaps stop words leave: Whoosh's phrase query needs consecutive
    positions, and "pump and dump" in quotes found nothing, not even the claim that says it."""
    ids = [h.id for h in real_engine.search('"pump and dump"', type="claim").results]
    assert ids and ids[0] == "breastfeeding-pause"
    assert real_engine.search('"pump or dump"', type="claim").total == len(ids)  # stop words do not count
    assert real_engine.search('"dump and pump"', type="claim").total == 0  # word order does


def test_search_keeps_several_apart_from_severe_while_the_checker_stems_as_before(real_engine):
    from indexer.analysis import analyse, search_analyzer

    assert [t.text for t in search_analyzer()("several severe severity")] == ["several", "sever", "sever"]
    assert analyse("several severe") == ["sever", "sever"]  # the copy checker's analysis is unchanged
    snap = real_engine.snapshot()
    with snap.ix.searcher() as s:
        severe = set(s.docs_for_query(snap.builder.build('"severe"')))
        several = set(s.docs_for_query(snap.builder.build('"several"')))
    assert severe and several and severe != several
