"""Stored check reports: SQLite on a temporary file, the real Flask test client, an injected clock.

A report survives a new app over the same database, its permalink works, it expires, its key deletes it
(and a wrong key does not), the Word export holds one comment per flagged sentence, the store is bounded,
and a failed URL check goes back to the form with the address and the reason.
"""
from __future__ import annotations

import io
import re
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import docx
import pytest

from webui import create_app

TEXT = ("Good news for mothers.\n"
        "Ketamine barely passes into breast milk! And 70% of patients respond to ketamine.\n"
        "Book today.")
T0 = 1_800_000_000.0


class Clock:
    def __init__(self):
        self.now = T0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def make_app(tmp_path, clock, engine):
    def make(**config):
        return create_app({"TESTING": True, "ENGINE": engine, "RATELIMIT_ENABLED": False,
                           "SECRET_KEY": "test-secret", "DATABASE": tmp_path / "kb.sqlite3", "CLOCK": clock,
                           "REPORT_TTL_SECONDS": 3600, **config})
    return make


@pytest.fixture
def client(make_app):
    return make_app().test_client()


def csrf_token(client, path="/check") -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def post_check(client, **data):
    return client.post("/check", data={"csrf_token": csrf_token(client), **data}, content_type="multipart/form-data")


def new_report(client, text=TEXT) -> str:
    r = post_check(client, text=text)
    assert r.status_code == 303, r.get_data(as_text=True)[:500]
    return r.headers["Location"].rsplit("/", 1)[1]


def test_report_survives_a_new_app_over_the_same_database(make_app):
    first = make_app(SECRET_KEY="one").test_client()
    rid = new_report(first)
    second = make_app(SECRET_KEY="two").test_client()  # a restart: new app, new secret, same file
    html = second.get(f"/check/{rid}").get_data(as_text=True)
    assert "Ketamine barely passes into breast milk!" in html and '<mark id="s-2" class="flagged">' in html
    assert f"http://localhost/check/{rid}" in html  # the permalink, shown to copy
    assert "kept until" in html
    assert second.get(f"/check/{rid}.json").json["claims"]
    assert second.get(f"/check/{rid}.md").get_data(as_text=True).startswith("# Evidence KB check: Pasted text")
    assert second.get(f"/api/check/{rid}").status_code == 200


def test_maker_gets_a_private_link_and_others_do_not(client, make_app):
    rid = new_report(client)
    own = client.get(f"/check/{rid}").get_data(as_text=True)
    assert "You made this report" in own
    key = re.search(rf'/check/{rid}\?key=([A-Za-z0-9_-]+)', own).group(1)
    stranger = make_app().test_client()
    html = stranger.get(f"/check/{rid}").get_data(as_text=True)
    assert "You made this report" not in html and key not in html and "Delete this report" not in html
    via_link = stranger.get(f"/check/{rid}?key={key}")
    assert "Delete this report now" in via_link.get_data(as_text=True)
    assert via_link.headers["Cache-Control"] == "no-store"


def test_key_deletes_the_report_and_a_wrong_key_does_not(client, make_app, tmp_path):
    rid = new_report(client)
    key = re.search(rf'/check/{rid}\?key=([A-Za-z0-9_-]+)', client.get(f"/check/{rid}").get_data(as_text=True)).group(1)
    stranger = make_app().test_client()
    token = csrf_token(stranger)
    wrong = stranger.get(f"/check/{rid}?key=not-the-key")
    assert "does not belong to this report" in wrong.get_data(as_text=True)
    r = stranger.post(f"/check/{rid}/delete", data={"csrf_token": token, "key": "not-the-key"})
    assert r.status_code == 403 and "was not deleted" in r.get_data(as_text=True)
    assert stranger.post(f"/check/{rid}/delete", data={"csrf_token": token, "key": key[:-1]}).status_code == 403
    assert stranger.post(f"/check/{rid}/delete", data={"key": key}).status_code == 400  # no CSRF token
    assert client.get(f"/check/{rid}").status_code == 200
    # only a hash of the key is stored
    with sqlite3.connect(tmp_path / "kb.sqlite3") as conn:
        stored = conn.execute("SELECT token_hash FROM check_report WHERE id = ?", (rid,)).fetchone()[0]
    assert key not in stored and len(stored) == 64
    r = stranger.post(f"/check/{rid}/delete", data={"csrf_token": token, "key": key})
    assert r.status_code == 303 and r.headers["Location"].endswith("/check?deleted=1")
    assert "The report was deleted" in stranger.get(r.headers["Location"]).get_data(as_text=True)
    gone = client.get(f"/check/{rid}")
    assert gone.status_code == 404 and "it was deleted, it expired" in gone.get_data(as_text=True)
    assert client.get(f"/check/{rid}.docx").status_code == 404


def test_report_expires_410_then_404(client, clock):
    rid = new_report(client)
    clock.now += 3599
    assert client.get(f"/check/{rid}").status_code == 200
    clock.now += 2
    r = client.get(f"/check/{rid}.md")
    assert r.status_code == 410
    assert "This report expired on" in r.get_data(as_text=True) and "kept for 1 day" in r.get_data(as_text=True)
    # purged when found expired: afterwards the id is simply unknown
    r = client.get(f"/api/check/{rid}")
    assert r.status_code == 404 and r.json["error"]["code"] == "not_found"


def test_expired_reports_are_purged_on_the_next_save(client, clock, tmp_path):
    old = new_report(client)
    clock.now += 7200
    new_report(client)
    with sqlite3.connect(tmp_path / "kb.sqlite3") as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM check_report")]
    assert old not in ids and len(ids) == 1


def test_expiry_answers_json_410_under_api(client, clock):
    r = client.post("/api/check", json={"text": TEXT})
    rid = r.headers["Link"].split("/check/")[1].split(">")[0]
    clock.now += 3601
    r = client.get(f"/api/check/{rid}")
    assert r.status_code == 410 and r.json["error"]["code"] == "gone" and "expired" in r.json["error"]["message"]


def test_api_check_gives_a_key_that_deletes(client):
    r = client.post("/api/check", json={"text": TEXT})
    rid = r.headers["Link"].split("/check/")[1].split(">")[0]
    key = r.headers["X-Report-Delete-Key"]
    assert key not in r.get_data(as_text=True) and r.headers["X-Report-Expires"].endswith("UTC")
    bad = client.delete(f"/api/check/{rid}", headers={"X-Report-Delete-Key": "wrong"})
    assert bad.status_code == 403 and bad.json["error"]["code"] == "forbidden"
    assert client.delete(f"/api/check/{rid}").status_code == 403
    ok = client.delete(f"/api/check/{rid}", headers={"X-Report-Delete-Key": key})
    assert ok.status_code == 200 and ok.json == {"deleted": rid}
    assert client.get(f"/api/check/{rid}").status_code == 404
    assert client.delete(f"/api/check/{rid}", headers={"X-Report-Delete-Key": key}).status_code == 404


def test_word_export_has_one_comment_per_flagged_sentence(client):
    rid = new_report(client)
    r = client.get(f"/check/{rid}.docx")
    assert r.mimetype == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert "attachment" in r.headers["Content-Disposition"]
    document = docx.Document(io.BytesIO(r.data))
    assert [p.text for p in document.paragraphs] == TEXT.split("\n")  # the copy as it was
    flagged = [s for s in client.get(f"/check/{rid}.json").json["sentences"] if s["claims"]]
    comments = list(document.comments)
    assert len(flagged) == 2 and len(comments) == len(flagged)
    milk, rate = (c.text for c in comments)
    assert "Claim: Only a very small amount of ketamine reaches breast milk." in milk  # the fixture claim's statement
    assert "Verdict: Supported" in milk and "Accurate wording: Small studies suggest little ketamine passes into breast milk." in milk
    assert "Verdict: Contradicted" in rate and "Figure: The copy's figure (70%) is outside what studies found" in rate
    assert "Stance: the copy asserts this claim" in milk and "Action: Keep" in milk
    assert "Action: Remove, or support with a source" in rate
    assert all(c.author == "Evidence KB" for c in comments)
    # each comment is anchored on its own sentence
    body = document.element.body.xml
    assert body.count("commentRangeStart") == 2 and body.count("commentRangeEnd") == 2


def test_report_page_links_the_three_downloads(client):
    rid = new_report(client)
    html = client.get(f"/check/{rid}").get_data(as_text=True)
    for ext in ("docx", "md", "json"):
        assert f'href="/check/{rid}.{ext}"' in html


def test_store_keeps_at_most_the_newest_reports(make_app, clock):
    c = make_app(REPORT_MAX_COUNT=3).test_client()
    ids = []
    for _ in range(5):
        ids.append(new_report(c))
        clock.now += 1
    assert [c.get(f"/check/{rid}").status_code for rid in ids] == [404, 404, 200, 200, 200]


def test_store_bounds_total_bytes(make_app, clock):
    c = make_app(REPORT_MAX_TOTAL_BYTES=1).test_client()  # every report is over the total: only the newest stays
    first, second = new_report(c), new_report(c)
    assert c.get(f"/check/{first}").status_code == 404 and c.get(f"/check/{second}").status_code == 200


def test_report_too_large_to_keep_goes_back_to_the_form(make_app):
    c = make_app(REPORT_MAX_BYTES=50).test_client()
    r = post_check(c, text=TEXT)
    html = r.get_data(as_text=True)
    assert r.status_code == 413 and "too large to keep" in html and 'class="check-form"' in html
    assert "Ketamine barely passes" in html  # the pasted text is still in the form


def test_refused_address_goes_back_to_the_form_with_the_address_and_reason(client):
    # The real SSRF guard of sources.fetch refuses a private address without any network access.
    r = post_check(client, url="http://10.0.0.1/clinic")
    html = r.get_data(as_text=True)
    assert r.status_code == 400
    assert 'class="check-form"' in html and 'value="http://10.0.0.1/clinic"' in html
    assert "The page at http://10.0.0.1/clinic could not be checked." in html
    assert "Error 400" not in html


class _Missing(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<p>gone</p>")

    def log_message(self, *args):
        pass


def test_page_answering_404_goes_back_to_the_form_and_json_says_why(make_app, monkeypatch):
    server = HTTPServer(("127.0.0.1", 0), _Missing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        monkeypatch.setenv("EVIDENCE_KB_FETCH_ALLOW_HOSTS", f"127.0.0.1:{port}")  # loopback allowed for this test
        client = make_app(FETCH_ALLOW_HOSTS=(f"127.0.0.1:{port}",)).test_client()
        url = f"http://127.0.0.1:{port}/old-page"
        r = post_check(client, url=url)
        html = r.get_data(as_text=True)
        assert r.status_code == 400 and f'value="{url}"' in html
        reason = re.search(r'<div class="error-summary".*?<li>(.*?)</li>', html, re.S).group(1)
        assert reason.startswith(f"The page at {url} could not be checked.") and "404" in reason
        api = client.post("/api/check", json={"url": url})
        assert api.status_code == 400 and api.json["error"]["code"] == "bad_request"
        assert "404" in api.json["error"]["message"]
    finally:
        server.shutdown()
        server.server_close()


def test_report_survives_a_real_server_restart(tmp_path, engine):
    """waitress on loopback, stopped and started again (a new app, a new port) over the same database file."""
    import requests
    from waitress import create_server

    closing = threading.Event()

    def run(server):
        try:
            server.run()
        except OSError:
            # close() from the test's thread can pull the socket out from under the loop's select(): EBADF
            # then, and only then, is how the loop learns it is over
            if not closing.is_set():
                raise

    def start():
        closing.clear()
        app = create_app({"ENGINE": engine, "RATELIMIT_ENABLED": False, "DATABASE": tmp_path / "live.sqlite3"})
        server = create_server(app, host="127.0.0.1", port=0, threads=2)
        thread = threading.Thread(target=run, args=(server,), daemon=True, name="restart-waitress")
        thread.start()
        return server, thread, f"http://127.0.0.1:{server.effective_port}"

    def stop(server, thread):
        closing.set()
        server.task_dispatcher.shutdown()  # let running requests finish, then stop the worker threads
        server.close()
        thread.join(5)

    server, thread, url = start()
    try:
        r = requests.post(f"{url}/api/check", json={"text": TEXT}, timeout=30)
        assert r.status_code == 200, r.text
        path = r.headers["Link"].split("<")[1].split(">")[0]
        key = r.headers["X-Report-Delete-Key"]
        assert requests.get(url + path, timeout=30).status_code == 200
    finally:
        stop(server, thread)
    server, thread, url = start()
    try:
        page = requests.get(url + path, timeout=30)
        assert page.status_code == 200 and "Ketamine barely passes into breast milk!" in page.text
        word = requests.get(f"{url}{path}.docx", timeout=30)
        assert len(docx.Document(io.BytesIO(word.content)).comments) == 2
        rid = path.rsplit("/", 1)[1]
        assert requests.delete(f"{url}/api/check/{rid}", headers={"X-Report-Delete-Key": key}, timeout=30).status_code == 200
        assert requests.get(url + path, timeout=30).status_code == 404
    finally:
        stop(server, thread)


def test_concurrent_saves_from_many_threads_keep_the_cap(tmp_path):
    """Eight threads, each with its own connection as waitress threads have: no "database is locked", cap kept."""
    from webui import db, reports

    path = tmp_path / "busy.sqlite3"
    saved, errors = [], []

    def work(n: int) -> None:
        conn = db.connect(path)
        try:
            for i in range(10):
                entry, _ = reports.save(conn, {"sentences": [], "claims": {}, "text": f"{n}-{i} " * 200}, None, "x",
                                        now=T0 + i, ttl=3600, max_bytes=10**6, max_count=50, max_total_bytes=10**9)
                saved.append(entry.id)
        except Exception as exc:  # collected: an exception in a thread would not fail the test by itself
            errors.append(exc)
        finally:
            conn.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(saved) == 80
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM check_report").fetchone()[0] == 50
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_unusable_database_is_503_not_a_traceback(make_app, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    c = make_app(DATABASE=blocker / "kb.sqlite3").test_client()  # its folder cannot be created
    r = post_check(c, text=TEXT)
    assert r.status_code == 503 and "Reports cannot be stored" in r.get_data(as_text=True)
    r = c.post("/api/feedback", json={"message": "wrong"})
    assert r.status_code == 503 and r.json["error"]["code"] == "unavailable"


def test_eviction_keeps_the_newest_reports_within_both_caps(tmp_path):
    """At the caps every save evicts: exactly the oldest go, until count and total size both hold."""
    import random

    from webui import db, reports

    rng = random.Random(4)
    for max_count, max_total in ((5, 10**9), (50, 6_000), (7, 9_000), (1, 1)):
        conn = db.connect(tmp_path / f"caps-{max_count}-{max_total}.sqlite3")
        saved = []  # (id, size), oldest first
        for i in range(40):
            text = "".join(rng.choice("abcdefghij") for _ in range(rng.randint(50, 3000)))  # sizes vary
            entry, _ = reports.save(conn, {"sentences": [], "claims": {}, "text": text}, None, "x", now=T0 + i,
                                    ttl=3600, max_bytes=10**6, max_count=max_count, max_total_bytes=max_total)
            saved.append((entry.id, conn.execute("SELECT size FROM check_report WHERE id = ?",
                                                 (entry.id,)).fetchone()[0]))
            expected, total = [], 0  # the longest run of newest reports within both caps; the newest always
            for rid, size in reversed(saved):
                if expected and (len(expected) + 1 > max_count or total + size > max_total):
                    break
                expected.append(rid)
                total += size
            kept = [r[0] for r in conn.execute("SELECT id FROM check_report ORDER BY created DESC")]
            assert kept == expected, (max_count, max_total, i)
        conn.close()
