"""The check form (Flask-WTF: CSRF token included)."""
from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField, TextAreaField
from wtforms.validators import Length, Optional, URL

UPLOAD_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".docx")


class CheckForm(FlaskForm):
    text = TextAreaField("Paste the text", validators=[Optional()])
    document = FileField("Or upload a document (.txt, .md, .html, .docx; up to 2 MiB)")
    url = StringField("Or give the address of a web page", validators=[Optional(), Length(max=2000),
                                                                         URL(require_tld=False, message="Enter a web address starting with http:// or https://.")])

    def chosen(self) -> list[str]:
        out = []
        if self.text.data and self.text.data.strip():
            out.append("text")
        if self.document.data and getattr(self.document.data, "filename", ""):
            out.append("file")
        if self.url.data and self.url.data.strip():
            out.append("url")
        return out
