"""The copy checker: a CSRF-protected form, the report page and its Markdown/JSON downloads."""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, redirect, render_template, url_for

from webui import engine as kbe, reports
from webui.extensions import check_rate_limit, limiter
from webui.forms import CheckForm
from webui.inputs import CheckInput, run_check
from webui.present import DISCLAIMER

bp = Blueprint("check", __name__)


def report_cache() -> reports.ReportCache:
    return current_app.extensions["check_reports"]


def form_input(form: CheckForm) -> CheckInput:
    kind = form.chosen()[0]
    if kind == "text":
        return CheckInput("text", "Pasted text", text=form.text.data)
    if kind == "file":
        f = form.document.data
        return CheckInput("file", f.filename, filename=f.filename, data=f.read(), content_type=f.mimetype)
    return CheckInput("url", form.url.data.strip(), url=form.url.data.strip())


@bp.route("/check", methods=["GET", "POST"])
@limiter.limit(check_rate_limit, methods=["POST"])
def check():
    form = CheckForm()
    status = 200
    if form.is_submitted():
        if form.validate():
            chosen = form.chosen()
            if len(chosen) == 1:
                outcome = run_check(form_input(form))
                entry = report_cache().put(outcome.report, outcome.text, outcome.label)
                return redirect(url_for("check.report", rid=entry.id), code=303)
            form.form_errors.append("Paste text, upload a file or give a web address: exactly one of the three."
                                    if chosen else "Paste text, upload a file or give a web address.")
        status = 400
    return render_template("check.html", form=form, twin="api.openapi"), status


def stored(rid: str) -> reports.StoredReport:
    entry = report_cache().get(rid)
    if entry is None:
        abort(404, description="This report has expired or never existed. Reports are kept for an hour; run the check again.")
    return entry


@bp.get("/check/<rid>")
def report(rid: str):
    entry = stored(rid)
    claims = kbe.claims()
    rep = entry.report
    return render_template(
        "report.html", entry=entry, report=rep, claims=claims, flagged=reports.flagged(rep),
        segments=reports.segments(entry.text, rep), verdict_counts=reports.verdict_counts(rep),
        studies=kbe.curated_studies(), twin="api.check_report", twin_args={"rid": rid},
    )


@bp.get("/check/<rid>.md")
def report_markdown(rid: str):
    entry = stored(rid)
    text = reports.to_markdown(entry, kbe.claims(), lambda cid: url_for("claims.claim", claim_id=cid, _external=True), DISCLAIMER)
    return Response(text, mimetype="text/markdown",
                    headers={"Content-Disposition": f'attachment; filename="evidence-check-{rid[:8]}.md"'})


@bp.get("/check/<rid>.json")
def report_json(rid: str):
    entry = stored(rid)
    resp = current_app.json.response(entry.report)
    resp.headers["Content-Disposition"] = f'attachment; filename="evidence-check-{rid[:8]}.json"'
    return resp
