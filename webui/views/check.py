"""The copy checker: a CSRF-protected form, the stored report's permalink, its deletion and its downloads.

A report is stored in SQLite (`webui.reports`) and gets a permanent link `/check/<id>`. Whoever made it
gets a deletion key: the session remembers it so the report page can offer "Delete", and the page shows a
private link `/check/<id>?key=…` that works from anywhere (after a restart, on another device). A check
that fails (an unreachable address, an unreadable file) goes back to the form with the input kept and the
reason in words.
"""
from __future__ import annotations

from flask import (Blueprint, Response, abort, current_app, jsonify, make_response, redirect, render_template,
                   request, session, url_for)
from werkzeug.exceptions import HTTPException

from indexer.copycheck.docx_report import docx_bytes
from indexer.copycheck.report import claim_info, render_markdown
from webui import db, engine as kbe, reports
from webui.extensions import check_rate_limit, csrf, limiter
from webui.forms import CheckForm
from webui.inputs import CheckInput, CheckOutcome, run_check

bp = Blueprint("check", __name__)

SESSION_KEYS = "report_keys"
SESSION_KEYS_MAX = 20  # the session cookie remembers the deletion keys of this many recent reports
KEY_HEADER = "X-Report-Delete-Key"
DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def form_input(form: CheckForm) -> CheckInput:
    kind = form.chosen()[0]
    if kind == "text":
        return CheckInput("text", "Pasted text", text=form.text.data)
    if kind == "file":
        f = form.document.data
        return CheckInput("file", f.filename, filename=f.filename, data=f.read(), content_type=f.mimetype)
    return CheckInput("url", form.url.data.strip(), url=form.url.data.strip())


def store_outcome(outcome: CheckOutcome) -> tuple[reports.StoredReport, str]:
    """Store a finished check; the report and its deletion key. 413 when the report is too large to keep."""
    cfg = current_app.config
    try:
        return reports.save(db.get_db(), outcome.report, outcome.text, outcome.label, now=db.now(),
                            ttl=cfg["REPORT_TTL_SECONDS"], max_bytes=cfg["REPORT_MAX_BYTES"],
                            max_count=cfg["REPORT_MAX_COUNT"], max_total_bytes=cfg["REPORT_MAX_TOTAL_BYTES"])
    except reports.ReportTooLarge as exc:
        abort(413, description=str(exc))


def failure_reason(inp: CheckInput, exc: HTTPException) -> str:
    """The reason a check failed, in words, naming what could not be checked."""
    reason = exc.description if exc.description and exc.description != type(exc).description else None
    reason = reason or "The check could not be completed."
    if inp.kind == "url":
        return f"The page at {inp.url} could not be checked. {reason}"
    if inp.kind == "file":
        return f"The file {inp.filename} could not be checked. {reason}"
    return reason


def remember_key(rid: str, key: str) -> None:
    keys = dict(session.get(SESSION_KEYS) or {})
    keys[rid] = key
    session[SESSION_KEYS] = dict(list(keys.items())[-SESSION_KEYS_MAX:])


def forget_key(rid: str) -> None:
    keys = dict(session.get(SESSION_KEYS) or {})
    if keys.pop(rid, None) is not None:
        session[SESSION_KEYS] = keys


@bp.route("/check", methods=["GET", "POST"])
@limiter.limit(check_rate_limit, methods=["POST"])
def check():
    form = CheckForm()
    status = 200
    if form.is_submitted():
        if form.validate():
            chosen = form.chosen()
            if len(chosen) == 1:
                inp = form_input(form)
                try:
                    entry, key = store_outcome(run_check(inp))
                except HTTPException as exc:
                    # Back to the form: the text or address is still in it, and the reason is in words.
                    form.form_errors.append(failure_reason(inp, exc))
                    resp = make_response(render_template("check.html", form=form, twin="api.openapi"), exc.code or 400)
                    if exc.code == 503:
                        resp.headers["Retry-After"] = str(getattr(exc, "retry_after", None) or 10)
                    return resp
                remember_key(entry.id, key)
                return redirect(url_for("check.report", rid=entry.id), code=303)
            form.form_errors.append("Paste text, upload a file or give a web address: exactly one of the three."
                                    if chosen else "Paste text, upload a file or give a web address.")
        status = 400
    deleted = request.method == "GET" and request.args.get("deleted") == "1"
    return render_template("check.html", form=form, twin="api.openapi", deleted=deleted), status


def stored(rid: str) -> reports.StoredReport:
    """The report, or 410 when it expired (and is purged now), or 404."""
    found = reports.load(db.get_db(), rid, now=db.now()) if len(rid) <= 64 else reports.Lookup(None)
    if found.entry is not None:
        return found.entry
    days = max(1, round(current_app.config["REPORT_TTL_SECONDS"] / 86400))
    if found.expired_at is not None:
        abort(410, description=f"This report expired on {reports.date_text(found.expired_at)}: reports are kept for {days} day{'s' if days != 1 else ''}. "
                               "Run the check again to get a new one.")
    abort(404, description="There is no report at this address: it was deleted, it expired, or the link is incomplete. "
                           "Run the check again to get a new one.")


@bp.get("/check/<rid>")
def report(rid: str):
    entry = stored(rid)
    given = request.args.get("key")
    key = given or (session.get(SESSION_KEYS) or {}).get(rid)
    owner = reports.key_matches(db.get_db(), rid, key)
    rep = entry.report
    resp = make_response(render_template(
        "report.html", entry=entry, report=rep, claims=kbe.claims(), flagged=reports.flagged(rep),
        segments=reports.segments(entry.text, rep), verdict_counts=reports.verdict_counts(rep),
        studies=kbe.curated_studies(), twin="api.check_report", twin_args={"rid": rid},
        permalink=url_for("check.report", rid=rid, _external=True),
        owner_key=key if owner else None,
        private_link=url_for("check.report", rid=rid, key=key, _external=True) if owner else None,
        bad_key=bool(given) and not owner,
    ))
    if given:  # a page reached through the private link must not be cached. (The app-wide Referrer-Policy
        # same-origin keeps the key from other sites; no-referrer would break the CSRF check of "Delete" over HTTPS.)
        resp.headers["Cache-Control"] = "no-store"
    return resp


@bp.post("/check/<rid>/delete")
def delete_report(rid: str):
    stored(rid)
    if not reports.delete(db.get_db(), rid, request.form.get("key")):
        abort(403, description="This deletion key does not belong to this report, so the report was not deleted. "
                               "Use the private link you were given when the report was made.")
    forget_key(rid)
    return redirect(url_for("check.check", deleted="1"), code=303)


@bp.delete("/api/check/<rid>")
@csrf.exempt  # the key in a header is the authority; no cookie is involved
def api_delete_report(rid: str):
    stored(rid)
    if not reports.delete(db.get_db(), rid, request.headers.get(KEY_HEADER) or request.args.get("key")):
        abort(403, description=f"Send the report's deletion key in the {KEY_HEADER} header.")
    return jsonify({"deleted": rid})


def _download(body: bytes | str, mimetype: str, rid: str, ext: str) -> Response:
    return Response(body, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="evidence-check-{rid[:8]}.{ext}"'})


def claim_url(cid: str) -> str:
    return url_for("claims.claim", claim_id=cid, _external=True)


@bp.get("/check/<rid>.md")
def report_markdown(rid: str):
    entry = stored(rid)
    text = render_markdown(entry.report, title=entry.label, claim_url=claim_url, checked=entry.created_iso)
    return _download(text, "text/markdown", rid, "md")


@bp.get("/check/<rid>.json")
def report_json(rid: str):
    entry = stored(rid)
    resp = current_app.json.response(entry.report)
    resp.headers["Content-Disposition"] = f'attachment; filename="evidence-check-{rid[:8]}.json"'
    return resp


@bp.get("/check/<rid>.docx")
@limiter.limit(check_rate_limit)  # building a Word file of a 200,000-character text takes seconds: bounded like a check
def report_docx(rid: str):
    entry = stored(rid)
    info = {c.id: claim_info(c) for c in kbe.claims().values()}  # for reports whose claims lack the details
    body = docx_bytes(entry.report, text=entry.text, claim_info=info, title=f"Evidence check: {entry.label}",
                      checked=f"checked {entry.created_iso}", claim_url=claim_url)
    return _download(body, DOCX_MIMETYPE, rid, "docx")
