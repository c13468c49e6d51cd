"""Report a problem: a short form about a claim or study (/feedback?claim=<id> or ?study=<key>), a thank-you
page, and its JSON twin POST /api/feedback. Stored in the app's SQLite database (`webui.feedback`); curators
list, show and close reports with `kb feedback`.

Protection: CSRF on the form (Flask-WTF); the JSON twin accepts application/json only, which a cross-site
HTML form cannot send. Every field is bounded; one rate limit (FEEDBACK_RATE_LIMIT, default 5/hour per
client address) is shared by both routes, and at most FEEDBACK_MAX_OPEN reports wait open at once.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, jsonify, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField

from webui import db, engine as kbe, feedback as store
from webui.extensions import csrf, limiter

bp = Blueprint("feedback", __name__)


def feedback_rate_limit() -> str:
    return current_app.config["FEEDBACK_RATE_LIMIT"]


class FeedbackForm(FlaskForm):
    # Validation is `webui.feedback.validate`, shared with the JSON twin; the form renders and carries CSRF.
    message = TextAreaField("What is wrong?")
    source = StringField("A source that shows it (optional)")
    email = StringField("Your e-mail, if you would like an answer (optional)")


def target_from(args: Any) -> dict[str, str] | None:
    """The claim or study a report is about, from ?claim= or ?study=; None for a general report; 404 if unknown."""
    claim_id, study_key = args.get("claim"), args.get("study")
    if claim_id and study_key:
        abort(400, description="Report a problem with one claim or one study at a time.")
    if claim_id:
        claim = kbe.claim_or_404(claim_id)
        return {"kind": "claim", "id": claim.id, "title": claim.statement,
                "url": url_for("claims.claim", claim_id=claim.id)}
    if study_key:
        study = kbe.study_or_404(study_key)
        return {"kind": "study", "id": study.key, "title": study.short_citation,
                "url": url_for("studies.study", key=study.key)}
    return None


def save(target: dict[str, str] | None, fields: dict[str, Any]) -> store.Feedback:
    try:
        return store.add(db.get_db(), **fields, target_kind=target["kind"] if target else None,
                         target_id=target["id"] if target else None, now=db.now(),
                         max_open=current_app.config["FEEDBACK_MAX_OPEN"])
    except store.InboxFull:
        abort(503, description="Too many problem reports are waiting to be read. Please try again in a few days.")


def limits() -> dict[str, int]:
    return {"message": store.MESSAGE_MAX_CHARS, "source": store.SOURCE_MAX_CHARS, "email": store.EMAIL_MAX_CHARS}


@bp.route("/feedback", methods=["GET", "POST"])
@limiter.shared_limit(feedback_rate_limit, scope="feedback", methods=["POST"])
def feedback():
    target = target_from(request.args)
    about = {target["kind"]: target["id"]} if target else {}
    form = FeedbackForm()
    errors: dict[str, str] = {}
    if form.is_submitted():  # the CSRF token was already checked by CSRFProtect, before this view
        fields, errors = store.validate(form.message.data, form.source.data, form.email.data)
        if not errors:
            save(target, fields)
            return redirect(url_for("feedback.thanks", **about), code=303)
    status = 400 if errors else 200
    return render_template("feedback.html", form=form, target=target, about=about, errors=errors, limits=limits(),
                           twin="api.openapi"), status


@bp.get("/feedback/thanks")
def thanks():
    return render_template("feedback_thanks.html", target=target_from(request.args), twin="api.openapi")


@bp.post("/api/feedback")
@csrf.exempt  # JSON only (415 otherwise): a cross-site HTML form cannot send it, and no cookie grants anything
@limiter.shared_limit(feedback_rate_limit, scope="feedback")
def api_feedback():
    if request.mimetype != "application/json":
        abort(415, description='Send application/json: {"message": "...", "claim": "<id>" or "study": "<key>", '
                               '"source": "...", "email": "..."}.')
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400, description='Send a JSON object: {"message": "what is wrong", "claim": "<claim id>"}.')
    about = {k: body[k] for k in ("claim", "study") if body.get(k) not in (None, "")}
    if any(not isinstance(v, str) for v in about.values()):
        abort(400, description='"claim" and "study" must be strings.')
    target = target_from(about)
    fields, errors = store.validate(body.get("message"), body.get("source"), body.get("email"))
    if errors:
        abort(400, description=" ".join(f"{name}: {msg}" for name, msg in errors.items()))
    item = save(target, fields)
    return jsonify({"id": item.id, "status": item.status, "created": item.iso(item.created),
                    "about": {"kind": target["kind"], "id": target["id"]} if target else None,
                    "message": "Thank you. A curator will read your report."})
