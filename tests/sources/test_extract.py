"""Article-text extraction: HTML pages, plain text, Markdown, .docx, and the dispatcher."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sources import documents, fetch
from sources.documents import (
    UnsupportedDocument,
    extract_document,
    extract_docx,
)
from sources.intake import IntakeError, read_source
from sources.extract import ExtractedText, extract_html, extract_markdown, extract_plain
from sources.fetch import FetchedPage

# sources.extract silences these itself; pytest resets warning filters for each test.
pytestmark = pytest.mark.filterwarnings(
    "ignore::bs4.XMLParsedAsHTMLWarning", "ignore::bs4.MarkupResemblesLocatorWarning"
)

PAGES = Path(__file__).parent / "pages"
KINDS = {"heading", "paragraph", "list-item", "quote", "cell"}


def check_units(result: ExtractedText) -> list[tuple[str, str]]:
    """Offsets are exact, ordered and non-overlapping; returns (kind, text) pairs."""
    texts = result.unit_texts()
    assert result.text == "\n\n".join(texts)
    previous_end = -2
    for unit, text in zip(result.units, texts):
        assert unit.kind in KINDS
        assert unit.start == previous_end + 2
        assert text and text == text.strip() and "\n" not in text
        assert result.text[unit.start : unit.end] == text
        previous_end = unit.end
    assert len(set(t.casefold() for t in texts)) == len(texts)  # de-duplicated
    return [(u.kind, t) for u, t in zip(result.units, texts)]


def page(name: str) -> ExtractedText:
    return extract_html((PAGES / name).read_bytes())


# --------------------------------------------------------------------------- HTML pages


def test_clinic_landing_keeps_every_claim():
    result = page("clinic_landing.html")
    units = check_units(result)
    assert units[0] == ("heading", "Depression relief in 24 hours")  # hero H1 outside <article>
    for expected in [
        ("paragraph", "Our ketamine infusions lift postpartum depression in hours, not weeks."),
        ("heading", "Why new mothers choose Bright Dawn"),
        ("list-item", "90% remission rate"),
        ("list-item", "No side effects"),
        ("list-item", "Non-addictive and safe while breastfeeding"),
        ("paragraph", "Clinically proven in over 50 studies."),  # text directly in a div
        ("paragraph", "Trusted by 2,000 families."),
        ("quote", "“I felt like myself again the very next morning.” – Sarah, mother of two"),
        ("heading", "Frequently asked questions"),
        ("paragraph", "Is ketamine safe after giving birth?"),
        (
            "paragraph",
            "Yes. Ketamine is completely safe for postpartum women and has no long-term risks.",
        ),
        ("paragraph", "How many sessions will I need?"),
        ("paragraph", "Most patients need only one infusion for lasting results."),
        ("cell", "Time to relief"),
        ("cell", "24 hours"),
    ]:
        assert expected in units
    texts = [t for _, t in units]
    assert texts.index("90% remission rate") < texts.index("No side effects")  # document order
    assert result.title == "Bright Dawn Clinic – Postpartum Depression Relief"  # og:title
    assert result.description == (
        "Ketamine infusions that lift postpartum depression in hours, not weeks."
    )


@pytest.mark.parametrize(
    "dropped",
    [
        "cookies",  # cookie banner
        "Accept all",  # button
        "Treatments",  # nav
        "Latest news",  # aside.sidebar
        "opening hours",
        "newsletter",  # newsletter block
        "save 20%",  # modal
        "All rights reserved",  # footer
        "enable JavaScript",  # noscript
        "dataLayer",  # script
        "background",  # style
        "Facebook",  # share bar
    ],
)
def test_clinic_landing_drops_boilerplate(dropped):
    assert dropped.lower() not in page("clinic_landing.html").text.lower()


def test_blog_article_prefers_article_and_honours_meta_charset():
    result = page("blog_article.html")  # windows-1252 bytes, declared only in <meta>
    units = check_units(result)
    assert units[0] == ("heading", "Can ketamine treat postpartum depression?")
    texts = [t for _, t in units]
    assert any(t.startswith("New research suggests a single low dose") for t in texts)  # header in article
    assert ("list-item", "Esketamine lowered depression scores at six weeks.") in units
    assert (
        "Experts caution that larger trials are still needed — “we should not promise a cure,” "
        "said one author." in texts
    )
    assert "Figure 1: Depression rates fell from 35% to 17%." in texts
    for dropped in ["Free shipping", "About", "self-care", "cured me", "weekly tips", "Tags:", "Mama Wellness."]:
        assert dropped not in result.text
    assert result.title == "Can ketamine treat postpartum depression? – Mama Wellness Blog"


def test_header_charset_wins_over_guessing():
    body = "<p>Caf\u00e9 claims \u2014 fast relief</p>".encode("cp1252")
    assert extract_html(body, charset="windows-1252").text == "Caf\u00e9 claims \u2014 fast relief"
    assert extract_html(body, charset="no-such-charset").units  # bad label: sniffed, no error


def test_hidden_seo_text_is_dropped():
    result = page("hidden_seo.html")
    assert check_units(result) == [
        ("heading", "Gentle ketamine care for new mothers"),
        (
            "paragraph",
            "Our team of psychiatrists offers supervised ketamine infusions in a calm, private setting.",
        ),
        ("paragraph", "Sessions last about 40 minutes."),  # <br> splits units
        ("paragraph", "Insurance may cover part of the cost."),
    ]


def test_small_article_does_not_hide_the_rest_of_a_landing_page():
    html = """<body><main><h1>Relief in one day</h1><p>Our infusions work for 9 in 10 mothers and
      our nurses stay with you during the whole session, every time you visit.</p>
      <article class="testimonial"><p>Great care.</p></article></main></body>"""
    texts = extract_html(html).unit_texts()
    assert texts == [
        "Relief in one day",
        "Our infusions work for 9 in 10 mothers and our nurses stay with you during the "
        "whole session, every time you visit.",
        "Great care.",
    ]


def test_main_preferred_over_surrounding_blocks():
    html = """<body><div class="promo-strip">Spring offer</div><div>Call 555-0100 today</div>
      <main><h2>How it works</h2><p>Each infusion lasts forty minutes under medical supervision,
      and most mothers report a lighter mood the same evening.</p></main></body>"""
    texts = extract_html(html).unit_texts()
    assert texts[0] == "How it works"
    assert "Call 555-0100 today" not in texts and "Spring offer" not in texts


def test_nested_lists_and_duplicates():
    html = """<ul><li>Fast relief<ul><li>Within <b>24</b> hours</li></ul></li>
      <li>Fast relief</li><li>  Safe   for\nmothers </li></ul><p>&nbsp;</p><p>•</p>"""
    assert check_units(extract_html(html)) == [
        ("list-item", "Fast relief"),
        ("list-item", "Within 24 hours"),
        ("list-item", "Safe for mothers"),
    ]


def test_odd_html_does_not_raise():
    assert extract_html(b"").text == ""
    assert extract_html("plain words, no tags").unit_texts() == ["plain words, no tags"]
    deep = "<div>" * 3000 + "deep claim" + "</div>" * 3000
    check_units(extract_html(deep))
    check_units(extract_html("<p>broken <b>markup<p>unclosed <table><td>cell"))
    check_units(extract_html("\ud800 lone surrogate <p>\x00 nul</p>"))


# --------------------------------------------------------------------------- plain text and Markdown


def test_plain_text_paragraphs_and_bullets():
    text = "Relief in 24 hours\r\nfor new mothers.\r\n\r\n- No side effects\n• Non-addictive\n1. Book today\n\n\n2024 was our best year."
    assert check_units(extract_plain(text)) == [
        ("paragraph", "Relief in 24 hours for new mothers."),
        ("list-item", "No side effects"),
        ("list-item", "Non-addictive"),
        ("list-item", "Book today"),
        ("paragraph", "2024 was our best year."),
    ]



def test_hard_wrapped_text_runs_on_into_capitalised_words():
    # An e-mail wrapped at 60 columns: a full line that stops mid-sentence runs on, even into "FDA".
    text = ("Ketamine for postpartum depression\n"
            "Esketamine, a nasal spray form of ketamine, was approved by the\n"
            "FDA in 2019 for treatment-resistant depression in adults, and\n"
            "it is given in a certified clinic under observation for two\n"
            "hours. Many clinics also offer ketamine infusions off-label,\n"
            "and several report relief within hours for some patients.\n"
            "Side effects\n"
            "Most are mild and pass within a couple of hours of the dose.\n")
    assert check_units(extract_plain(text)) == [
        ("paragraph", "Ketamine for postpartum depression"),
        ("paragraph", "Esketamine, a nasal spray form of ketamine, was approved by the FDA in 2019 for "
                      "treatment-resistant depression in adults, and it is given in a certified clinic under "
                      "observation for two hours. Many clinics also offer ketamine infusions off-label, and "
                      "several report relief within hours for some patients."),
        ("paragraph", "Side effects"),
        ("paragraph", "Most are mild and pass within a couple of hours of the dose."),
    ]


def test_unwrapped_lines_without_full_stops_stay_apart():
    # Taglines on lines of their own, none running on into a lower-case word: not a wrapped text.
    text = "Relief in hours, not weeks\nSafe for nursing mothers\nBook your first infusion today\n"
    assert [t for _, t in check_units(extract_plain(text))] == [
        "Relief in hours, not weeks", "Safe for nursing mothers", "Book your first infusion today"]

def test_markdown_blocks():
    text = """# Ketamine for *postpartum* depression #

Relief in **24 hours**, see [our results](https://example.com/results).
Second line of the same paragraph.

Why it works
------------

- 90% remission rate
* No side effects
  that anyone noticed
1. Non-addictive
2) Covered by `insurance`

> Best decision I ever made.
> — Anna

| Treatment | Time |
|-----------|------|
| Ketamine  | 1 day |

```
code block stays
```

***
Last paragraph with \\*escaped\\* stars and ![an image](x.png).
"""
    assert check_units(extract_markdown(text)) == [
        ("heading", "Ketamine for postpartum depression"),
        (
            "paragraph",
            "Relief in 24 hours, see our results. Second line of the same paragraph.",
        ),
        ("heading", "Why it works"),
        ("list-item", "90% remission rate"),
        ("list-item", "No side effects that anyone noticed"),
        ("list-item", "Non-addictive"),
        ("list-item", "Covered by insurance"),
        ("quote", "Best decision I ever made. — Anna"),
        ("cell", "Treatment"),
        ("cell", "Time"),
        ("cell", "Ketamine"),
        ("cell", "1 day"),
        ("paragraph", "code block stays"),
        ("paragraph", "Last paragraph with *escaped* stars and an image."),
    ]


# --------------------------------------------------------------------------- .docx


def make_docx() -> bytes:
    document = docx.Document()
    document.core_properties.title = "Clinic brochure"
    document.add_heading("Depression relief in 24 hours", level=1)
    document.add_paragraph("Our infusions lift postpartum depression in hours.")
    document.add_paragraph("90% remission rate", style="List Bullet")
    document.add_paragraph("No side effects", style="List Number")
    document.add_paragraph("Best decision I ever made.", style="Quote")
    table = document.add_table(rows=2, cols=2)
    for row, values in zip(table.rows, [("Treatment", "Time"), ("Ketamine", "24 hours")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.add_paragraph("")
    document.add_paragraph("Results may vary.")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_headings_lists_tables():
    result = extract_docx(make_docx())
    assert result.title == "Clinic brochure"
    assert check_units(result) == [
        ("heading", "Depression relief in 24 hours"),
        ("paragraph", "Our infusions lift postpartum depression in hours."),
        ("list-item", "90% remission rate"),
        ("list-item", "No side effects"),
        ("quote", "Best decision I ever made."),
        ("cell", "Treatment"),
        ("cell", "Time"),
        ("cell", "Ketamine"),
        ("cell", "24 hours"),
        ("paragraph", "Results may vary."),
    ]
    assert extract_document("brochure.DOCX", make_docx()).text == result.text


def corrupt_docx_variants() -> list[bytes]:
    good = make_docx()
    no_document = io.BytesIO()
    with zipfile.ZipFile(no_document, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return [b"not a zip at all", good[: len(good) // 2], no_document.getvalue(), b"PK\x03\x04" + b"\0" * 40]


@pytest.mark.parametrize("data", corrupt_docx_variants())
def test_corrupt_docx_has_clear_message(data):
    with pytest.raises(UnsupportedDocument, match=r"could not be read as a Word document"):
        extract_document("brochure.docx", data)


def test_docx_zip_bomb_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (documents.MAX_DOCX_UNZIPPED_BYTES + 1))
    with pytest.raises(UnsupportedDocument, match="too large"):
        extract_document("bomb.docx", buf.getvalue())


# --------------------------------------------------------------------------- dispatcher


@pytest.mark.parametrize(
    "filename, content_type, data, first",
    [
        ("copy.txt", None, "Relief in hours.\n\n- Safe".encode(), "Relief in hours."),
        ("copy.md", None, b"# Relief in hours\n\nText.", "Relief in hours"),
        ("copy.markdown", None, b"* Safe for mothers", "Safe for mothers"),
        ("page.html", None, b"<nav>Menu</nav><h1>Relief</h1>", "Relief"),
        ("page.HTM", None, b"<p>Relief</p>", "Relief"),
        ("upload", "text/plain; charset=utf-16", "Relief \u2014 fast".encode("utf-16"), "Relief \u2014 fast"),
        ("upload", "text/markdown", b"## Relief", "Relief"),
        ("upload", "text/html", b"<p>Relief</p>", "Relief"),
        ("latin.txt", None, "Caf\u00e9 relief".encode("cp1252"), "Caf\u00e9 relief"),
        ("bom.txt", None, "\ufeffRelief".encode("utf-8"), "Relief"),
    ],
)
def test_extract_document_dispatch(filename, content_type, data, first):
    result = extract_document(filename, data, content_type)
    assert check_units(result)[0][1] == first


@pytest.mark.parametrize(
    "filename, content_type, message",
    [
        ("study.pdf", "application/pdf", "PDF files cannot be read"),
        ("study.pdf", "text/plain", "PDF files cannot be read"),
        ("old.doc", None, "save the file as .docx"),
        ("setup.exe", "application/octet-stream", r"\.exe files cannot be checked"),
        ("data.xyz", "text/plain", r"\.xyz files cannot be checked"),
        ("noextension", None, "Files of this kind cannot be checked"),
        ("noextension", "image/png", "Files of this kind cannot be checked"),
    ],
)
def test_unsupported_types(filename, content_type, message):
    with pytest.raises(UnsupportedDocument, match=message) as info:
        extract_document(filename, b"%PDF-1.7 data", content_type)
    assert info.value.message.endswith(".")


def test_bad_text_inputs_refused():
    with pytest.raises(UnsupportedDocument, match="binary file"):
        extract_document("copy.txt", b"MZ\x90\x00\x03\x00\x00\x00")
    with pytest.raises(UnsupportedDocument, match="empty"):
        extract_document("copy.md", b"  \n ")
    with pytest.raises(UnsupportedDocument, match="larger than 5 MB"):
        extract_document("copy.txt", b"a" * (documents.MAX_DOCUMENT_BYTES + 1))


# --------------------------------------------------------------------------- intake (the CLI's sources)


def load_source(source, allow_hosts=()):
    intake = read_source(source, allow_hosts=allow_hosts)
    return intake.label, intake.extracted


def test_load_source_file_and_missing(tmp_path):
    path = tmp_path / "copy.md"
    path.write_text("# Relief in 24 hours\n\n- No side effects\n", encoding="utf-8")
    label, result = load_source(str(path))
    assert label == str(path)
    assert result.unit_texts() == ["Relief in 24 hours", "No side effects"]
    with pytest.raises(IntakeError, match="There is no file at") as missing:
        load_source(str(tmp_path / "missing.txt"))
    assert missing.value.reason == "not_found"
    with pytest.raises(IntakeError, match="not a file"):
        load_source(str(tmp_path))
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(IntakeError, match="PDF"):
        load_source(str(tmp_path / "a.pdf"))


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"Relief in hours.\n\n- Safe\n", ["Relief in hours.", "Safe"]),
        (b"<!DOCTYPE html><nav>Menu</nav><h1>Relief</h1>", ["Relief"]),
    ],
)
def test_load_source_stdin(monkeypatch, data, expected):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    label, result = load_source("-")
    assert label == "stdin"
    assert result.unit_texts() == expected


@pytest.mark.parametrize(
    "content_type, body, expected",
    [
        ("text/html", b"<nav>Menu</nav><h1>Relief</h1>", ["Relief"]),
        ("text/plain", b"<h1>not markup</h1>", ["<h1>not markup</h1>"]),
    ],
)
def test_load_source_url(monkeypatch, content_type, body, expected):
    calls = []

    def fake_fetch(url, *, allow_hosts=()):
        calls.append((url, allow_hosts))
        return FetchedPage(url, url + "final", 200, content_type, None, body)

    monkeypatch.setattr(fetch, "fetch_url", fake_fetch)
    label, result = load_source("https://clinic.example/", allow_hosts=("intranet",))
    assert calls == [("https://clinic.example/", ("intranet",))]
    assert label == "https://clinic.example/final"
    assert result.unit_texts() == expected
    assert result.url == label


# --------------------------------------------------------------------------- properties

HTML_BITS = st.sampled_from(
    [
        "<p>", "</p>", "<li>", "<ul>", "</ul>", "<h1>", "</h1>", "<div class='cookie'>", "</div>",
        "<br>", "<table><tr><td>", "<script>", "</script>", "<!--", "-->", "<article>", "<main>",
        "<header>", "<nav>", "<div hidden>", "<blockquote>", "&amp;", "&nbsp;", "\n\n", " ",
        "<meta charset='utf-16'>", "<![CDATA[", "]]>", "<svg>", "<?xml?>", "<",
    ]
)
MARKDOWN_BITS = st.sampled_from(
    ["# ", "## ", "- ", "* ", "1. ", "> ", "|", "---", "```", "\n", "\n\n", "**", "_", "[", "](", ")", "`", "\\"]
)
ANY_TEXT = st.text(max_size=300)
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def mixed(bits):
    return st.lists(st.one_of(bits, ANY_TEXT), max_size=30).map("".join)


@PROPERTY_SETTINGS
@given(st.one_of(ANY_TEXT, mixed(HTML_BITS)))
def test_extract_html_never_raises(text):
    check_units(extract_html(text))
    check_units(extract_html(text.encode("utf-8", "surrogatepass")))


@PROPERTY_SETTINGS
@given(st.one_of(ANY_TEXT, mixed(MARKDOWN_BITS)))
def test_extract_plain_and_markdown_never_raise(text):
    check_units(extract_plain(text))
    check_units(extract_markdown(text))


@PROPERTY_SETTINGS
@given(
    st.sampled_from(["a.txt", "a.md", "a.html", "a.docx", "a.pdf", "a", "a.exe"]),
    st.one_of(st.none(), st.sampled_from(["text/plain; charset=bogus", "text/html", "text/markdown"])),
    st.binary(max_size=400),
)
def test_extract_document_raises_only_unsupported(filename, content_type, data):
    try:
        check_units(extract_document(filename, data, content_type))
    except UnsupportedDocument as exc:
        assert exc.message
