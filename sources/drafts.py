"""Turn a fetched PubMed or Crossref record into a draft study file.

Key generation (`firstauthor-year-slug`), design guessing, topic suggestion from the KB's own
vocabulary, and writing the YAML atomically without ever replacing an existing file.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Iterable

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from kb.loader import KnowledgeBase, plain, record_files, yaml_parser
from kb.models import Study, Vocabulary
from sources.crossref import CrossrefRecord
from sources.pubmed import MeshHeading, PubmedRecord

# Characters NFKD does not decompose into ASCII.
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d",
                       "Ð": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "œ": "oe", "Œ": "OE", "ı": "i"})
STOPWORDS = frozenset("""a an the of in on for and or with without to at by from as is are was were be been
being its it their this that these those versus vs after before among amongst during between into via than
under over using use based new how what why when which who does do can not no our we your per one two three""".split())
GENERIC = frozenset("""study studies trial trials randomized randomised controlled clinical analysis analyses
systematic review reviews meta report reports case cases patients patient effect effects evaluation
outcomes results comparison comparative prospective retrospective observational""".split())
SLUG_WORDS = 3  # 2-4 significant title words make the slug

# PublicationType -> design, strongest evidence type first; the first present wins.
PUBTYPE_DESIGN: tuple[tuple[str, str], ...] = (
    ("Meta-Analysis", "meta-analysis"),
    ("Network Meta-Analysis", "meta-analysis"),
    ("Systematic Review", "systematic-review"),
    ("Randomized Controlled Trial", "rct"),
    ("Practice Guideline", "guideline"),
    ("Guideline", "guideline"),
    ("Consensus Development Conference", "guideline"),
    ("Consensus Development Conference, NIH", "guideline"),
    ("Observational Study", "cohort"),
    ("Case Reports", "case-report"),
    ("Scoping Review", "narrative-review"),
    ("Review", "narrative-review"),
    ("Clinical Trial", "other"),
    ("Clinical Trial, Phase I", "other"),
    ("Clinical Trial, Phase II", "other"),
    ("Clinical Trial, Phase III", "other"),
    ("Clinical Trial, Phase IV", "other"),
    ("Controlled Clinical Trial", "other"),
    ("Legislation", "regulatory"),
    ("News", "news"),
    ("Newspaper Article", "news"),
)
# MeSH descriptors that say more than "Observational Study" or a bare "Journal Article".
MESH_DESIGN: tuple[tuple[str, str], ...] = (
    ("Case-Control Studies", "case-control"),
    ("Cross-Sectional Studies", "cross-sectional"),
    ("Cohort Studies", "cohort"),
    ("Prospective Studies", "cohort"),
    ("Retrospective Studies", "cohort"),
    ("Longitudinal Studies", "cohort"),
)
# Crossref has no study types; the title is the best hint for a journal article.
TITLE_DESIGN: tuple[tuple[str, str], ...] = (
    (r"\bmeta-?analys[ie]s\b", "meta-analysis"),
    (r"\bsystematic review\b", "systematic-review"),
    (r"\brandomi[sz]ed\b.*\btrial\b", "rct"),
    (r"\bcase report\b", "case-report"),
    (r"\bcase series\b", "case-series"),
    (r"\bcase-control\b", "case-control"),
    (r"\bcross-sectional\b", "cross-sectional"),
    (r"\bcohort\b", "cohort"),
    (r"\bpharmacokinetic", "pharmacokinetic"),
    (r"\bguidelines?\b|\bconsensus statement\b", "guideline"),
    (r"\breview\b", "narrative-review"),
)
CROSSREF_TYPE_DESIGN = {"standard": "guideline", "report": "other", "posted-content": "other", "dataset": "other"}


class DraftError(Exception):
    """A record that cannot become a valid draft, with a message naming it."""


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", ascii_fold(text).lower())


def key_surname(first_author: str, first_surname: str) -> str:
    """The surname part of a key: 'Müller' -> 'muller'; a group author -> its first significant word."""
    words = _words(first_surname)
    if first_author == first_surname and len(words) > 1:  # a CollectiveName: no initials after it
        words = [w for w in words if w not in STOPWORDS][:1] or words[:1]
    return "".join(words)[:30] or "anon"


def title_slug(title: str, n: int = SLUG_WORDS) -> str:
    words = [w for w in _words(title) if w not in STOPWORDS and (len(w) > 2 or w.isdigit())]
    significant = [w for w in words if w not in GENERIC]
    chosen = significant[:n] if len(significant) >= 2 else words[:n]
    return "-".join(chosen) or "untitled"


def make_key(first_author: str, first_surname: str, year: int | None, title: str, taken: set[str]) -> str:
    """firstauthor-year-slug, unique against `taken` (adds -2, -3 ...); `taken` gains the new key."""
    base = f"{key_surname(first_author, first_surname)}-{year or 'nd'}-{title_slug(title)}"[:74].strip("-")
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    taken.add(key)
    return key


def taken_keys(kb: KnowledgeBase) -> set[str]:
    """Keys in use: loaded studies and every study file name, even one that does not load."""
    return set(kb.studies) | {p.stem for p in record_files(kb.root / "studies")}


def design_from_pubmed(publication_types: Iterable[str], mesh: Iterable[MeshHeading] = ()) -> tuple[str, str]:
    """(design, why) guessed from PublicationType, refined by MeSH where PubMed's type is vague."""
    types = set(publication_types)
    descriptors = {h.descriptor for h in mesh}
    qualifiers = {q.lower() for h in mesh for q in h.qualifiers}
    design = why = None
    for pub_type, value in PUBTYPE_DESIGN:
        if pub_type in types:
            design, why = value, f"PublicationType {pub_type!r}"
            break
    if design in (None, "cohort"):
        for descriptor, value in MESH_DESIGN:
            if descriptor in descriptors:
                return value, f"MeSH {descriptor!r}" + (f" with {why}" if why else "")
    if design:
        return design, why
    if "pharmacokinetics" in qualifiers or "Pharmacokinetics" in descriptors:
        return "pharmacokinetic", "MeSH pharmacokinetics"
    if "Animals" in descriptors and "Humans" not in descriptors:
        return "preclinical", "MeSH Animals without Humans"
    return "other", "no telling PublicationType"


def design_from_crossref(work_type: str, title: str) -> tuple[str, str]:
    if work_type in CROSSREF_TYPE_DESIGN:
        return CROSSREF_TYPE_DESIGN[work_type], f"Crossref type {work_type!r}"
    low = title.lower()
    for pattern, value in TITLE_DESIGN:
        if re.search(pattern, low):
            return value, f"title mentions {re.search(pattern, low).group(0)!r}"
    return "other", f"Crossref type {work_type!r} says nothing about the design"


def _phrase(text: str) -> str:
    """Lower case, punctuation to spaces, padded: so ' term ' in ' text ' matches whole words only."""
    return " " + " ".join(re.sub(r"[^\w]+", " ", text.lower()).split()) + " "


class TopicMatcher:
    """Suggests the topic slugs whose terms occur in a record's text; only slugs of the KB's vocabulary.

    A topic matches on its slug (hyphens as spaces), its label, or any part of the label around
    "and" or a comma. A part with "at" in it ("Prevention at caesarean delivery") needs both
    sides. Every term also stands for its synonym and related groups from topics.yaml.
    """

    def __init__(self, vocabulary: Vocabulary | None) -> None:
        # slug -> alternatives; an alternative matches when each of its term sets has a term in the text
        self.rules: dict[str, list[list[set[str]]]] = {}
        if vocabulary is None:
            return
        groups = [{_phrase(t) for t in g} for g in [*vocabulary.synonyms, *vocabulary.related]]

        def expand(term: str) -> set[str]:
            terms = {_phrase(term)}
            return terms.union(*(g for g in groups if g & terms))

        for topic in vocabulary.topics:
            alternatives = [[expand(topic.slug.replace("-", " "))], [expand(topic.label)]]
            for part in re.split(r",|\band\b", topic.label):
                if part.strip():
                    alternatives.append([expand(side) for side in re.split(r"\bat\b", part) if side.strip()])
            self.rules[topic.slug] = alternatives

    def suggest(self, *texts: str) -> list[str]:
        haystack = _phrase(" ".join(texts))

        def found(terms: set[str]) -> bool:
            return any(t in haystack for t in terms if t.strip())

        return [slug for slug, alternatives in self.rules.items()
                if any(all(found(terms) for terms in alt) for alt in alternatives)]


def _quoted(value: str | None) -> DoubleQuotedScalarString | None:
    return None if value is None else DoubleQuotedScalarString(value)


def _flow(items: Iterable) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.width = 4096  # keep long titles on one line
    y.indent(mapping=2, sequence=4, offset=2)
    y.representer.add_representer(type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    return y


def study_yaml(study: Study, comment: str) -> str:
    """The record in the field order of docs/record-format.md, identifiers and text quoted."""
    s = study
    m = CommentedMap()
    m["key"] = s.key
    m["status"] = s.status
    m["title"] = _quoted(s.title)
    m["authors"] = _flow(_quoted(a) for a in s.authors)
    m["journal"] = _quoted(s.journal)
    m["year"] = s.year
    for name in ("volume", "issue", "pages"):
        m[name] = _quoted(getattr(s, name))
    if s.citation_detail:
        m["citation_detail"] = _quoted(s.citation_detail)
    for name in ("pmid", "doi", "url"):
        m[name] = _quoted(getattr(s, name))
    m["design"] = s.design
    for name in ("population", "n", "intervention", "comparator", "summary"):
        m[name] = getattr(s, name)
    m["findings"] = CommentedSeq(_quoted(f) for f in s.findings)
    m["limitations"] = CommentedSeq(_quoted(f) for f in s.limitations)
    m["topics"] = _flow(s.topics)
    m["verified_from"] = _quoted(s.verified_from)
    m.yaml_set_start_comment(comment)
    out = io.StringIO()
    _yaml().dump(m, out)
    return out.getvalue()


def check_loads(text: str, key: str) -> None:
    """The text reads back, with kb.loader's parser, as the same valid Study."""
    try:
        Study.model_validate(plain(yaml_parser().load(text)))
    except ValidationError as exc:  # pragma: no cover - a bug in study_yaml, not in the input
        raise DraftError(f"{key}: the YAML written would not load: {exc}") from None


def build_study(fields: dict, what: str) -> Study:
    try:
        return Study.model_validate(fields)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_url=False))
        raise DraftError(f"{what}: the record cannot become a valid study ({problems})") from None


def _common(rec: PubmedRecord | CrossrefRecord, what: str, key: str, design: str, topics: list[str]) -> dict:
    if not rec.title:
        raise DraftError(f"{what}: the record has no title; add it by hand")
    if not rec.authors:
        raise DraftError(f"{what}: the record lists no authors; add it by hand")
    return {"key": key, "status": "draft", "title": rec.title, "authors": list(rec.authors),
            "journal": rec.journal, "year": rec.year, "volume": rec.volume, "issue": rec.issue,
            "pages": rec.pages, "doi": rec.doi, "design": design, "topics": topics, "verified_from": rec.url}


def draft_from_pubmed(rec: PubmedRecord, kb: KnowledgeBase, taken: set[str]) -> tuple[Study, str]:
    """A draft Study and the reason for its design guess."""
    what = f"PMID {rec.pmid}"
    design, why = design_from_pubmed(rec.publication_types, rec.mesh)
    mesh_text = " ".join([h.descriptor for h in rec.mesh] + [q for h in rec.mesh for q in h.qualifiers])
    topics = TopicMatcher(kb.vocabulary).suggest(rec.title, rec.abstract, mesh_text, " ".join(rec.keywords))
    key = make_key(rec.authors[0] if rec.authors else "", rec.first_surname, rec.year, rec.title, taken)
    fields = _common(rec, what, key, design, topics) | {"pmid": rec.pmid}
    if rec.ahead_of_print:
        fields["citation_detail"] = f"Epub {rec.epub_date} ahead of print" if rec.epub_date else "Epub ahead of print"
    return build_study(fields, what), why


def draft_from_crossref(rec: CrossrefRecord, kb: KnowledgeBase, taken: set[str]) -> tuple[Study, str]:
    what = f"DOI {rec.doi}"
    design, why = design_from_crossref(rec.type, rec.title)
    topics = TopicMatcher(kb.vocabulary).suggest(rec.title, rec.abstract, " ".join(rec.subjects))
    key = make_key(rec.authors[0] if rec.authors else "", rec.first_surname, rec.year, rec.title, taken)
    return build_study(_common(rec, what, key, design, topics), what), why


def header_comment(source: str, ident: str) -> str:
    today = dt.date.today().isoformat()
    return (f"Draft from {source} {ident} (kb add, {today}). Read the abstract, then write population, n,\n"
            "summary, findings and limitations in your own words, check design and topics,\n"
            "and set status: curated. See docs/curation.md.")


def write_new(path: Path, text: str) -> None:
    """Write atomically (temp file in the same folder, then link/replace) and never replace a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        raise DraftError(f"{path} already exists; not overwriting it")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        try:
            os.link(tmp, path)  # atomic, and fails if the name was taken meanwhile
        except FileExistsError:
            raise DraftError(f"{path} already exists; not overwriting it") from None
        except OSError:  # a filesystem without hard links
            if path.exists():
                raise DraftError(f"{path} already exists; not overwriting it") from None
            os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_draft(study: Study, root: Path, comment: str) -> Path:
    text = study_yaml(study, comment)
    check_loads(text, study.key)
    path = root / "studies" / f"{study.key}.yaml"
    write_new(path, text)
    return path
