"""`kb check --docx OUT` writes the same Word file as the web report's download: the copy, one comment per
flagged sentence. Real engine over the fixture KB, the real `kb` command line in-process."""
from __future__ import annotations

import io
import json
import re

import docx

from kb.cli import main as kb_main
from webui import create_app

TEXT = ("Good news for mothers.\n"
        "Ketamine barely passes into breast milk! And 70% of patients respond to ketamine.\n"
        "Book today.\n")


def _comments(document) -> list[str]:
    # the web version adds a link to the claim page; everything else is the same
    return ["\n".join(line for line in c.text.split("\n") if not line.startswith("Evidence: ")) for c in document.comments]


def test_kb_check_docx_matches_the_web_download(tmp_path, fixture_kb_dir, engine, capsys):
    copy = tmp_path / "copy.txt"
    copy.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "copy-checked.docx"
    status = kb_main(["--kb-dir", str(fixture_kb_dir), "--index-dir", str(tmp_path / "index"),
                      "check", str(copy), "--json", "--docx", str(out)])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    flagged = [s for s in json.loads(captured.out)["sentences"] if s["claims"]]
    assert f"wrote {out} (2 comments)" in captured.err
    cli_doc = docx.Document(str(out))
    assert [p.text for p in cli_doc.paragraphs] == TEXT.strip().split("\n")
    assert len(list(cli_doc.comments)) == len(flagged) == 2

    app = create_app({"TESTING": True, "ENGINE": engine, "RATELIMIT_ENABLED": False, "SECRET_KEY": "s",
                      "DATABASE": tmp_path / "kb.sqlite3"})
    client = app.test_client()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', client.get("/check").get_data(as_text=True)).group(1)
    r = client.post("/check", data={"csrf_token": token, "text": TEXT}, content_type="multipart/form-data")
    web_doc = docx.Document(io.BytesIO(client.get(r.headers["Location"] + ".docx").data))
    assert [p.text for p in web_doc.paragraphs] == [p.text for p in cli_doc.paragraphs]
    assert _comments(web_doc) == _comments(cli_doc)
    assert "Accurate wording: Small studies suggest little ketamine passes into breast milk." in _comments(cli_doc)[0]


def test_kb_check_docx_unwritable_path_is_a_clear_error(tmp_path, fixture_kb_dir, capsys):
    copy = tmp_path / "copy.txt"
    copy.write_text(TEXT, encoding="utf-8")
    status = kb_main(["--kb-dir", str(fixture_kb_dir), "--index-dir", str(tmp_path / "index"),
                      "check", str(copy), "--docx", str(tmp_path / "no-such-folder" / "out.docx")])
    err = capsys.readouterr().err
    assert status == 1 and "cannot write" in err and "Traceback" not in err
