"""Admit a fresh round of labelled pages to the development part, refusing what would spoil the corpus.

    python bench/realcopy_admit.py --round 47 /tmp/r47/*.yaml            # check, copy into dev/, list and hold aside
    python bench/realcopy_admit.py --round 47 --dry-run /tmp/r47/*.yaml  # only say what would be refused

A candidate is refused when
- it does not validate as a development page (a label not verbatim, an unknown claim id, a missing field);
- its file name is already a corpus page's: copying it would overwrite that page;
- its site is reserved for acceptance testing, belongs to the frozen test part, or already has a page in the corpus
  or in this round (a fresh round brings new sites); a host under the same domain counts as the same site
  (albany.example-clinic.com is example-clinic.com, blog.example-health.org is example-health.org), so a subdomain of a
  test-part site or of a used site is refused too;
- it copies a corpus page or another candidate (`realcopy.copies`: a mirror, reprint or reworded copy counts as the
  page it copies, whatever its host);
- its site is the source of mined sentences: those of tests/data/realcopy/mined/ are tuned on, and a fresh round is
  held aside to measure copy the checker was never tuned on; those of mined_held_aside/ would be tuned on once the
  round joins the tuning pages.

Nothing is copied unless every candidate is admitted. Admitted pages go to tests/data/realcopy/dev/, their list to
bench/data/realcopy_round<N>.txt, and onto the held-aside list: a fresh round is measured before anything is tuned on it.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

import realcopy

# second-level labels under which a country's domains are registered ("clinic.co.uk" is one site, not "co.uk")
PUBLIC_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "nhs", "med", "health"}
CORPUS = realcopy.CORPUS.relative_to(realcopy.ROOT)
LISTS = realcopy.HELD_ASIDE.parent.relative_to(realcopy.ROOT)


def domain_of(url: str) -> str:
    """The registered domain a page's host sits under: the owner, whatever subdomain serves the page."""
    labels = realcopy.site_of(url).split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in PUBLIC_SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def mined_urls(root: Path = realcopy.ROOT) -> set[str]:
    """The pages the mined sentences were taken from: the tuned-on ones and the held-aside check set."""
    return {s["url"] for folder in ("mined", "mined_held_aside") for path in sorted((root / CORPUS / folder).glob("*.yaml"))
            for s in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("sentences", [])}


def refusals(candidates: list[Path], root: Path = realcopy.ROOT) -> dict[Path, list[str]]:
    """Why each candidate cannot join the development part of the corpus under `root` (an empty list: it can)."""
    corpus = root / CORPUS
    claim_ids = realcopy.known_claim_ids()
    pages = [realcopy.load_page(path, [], claim_ids, part=path.parent.name)
             for part in ("dev", "test") for path in sorted((corpus / part).glob("*.yaml"))]
    corpus_runs = [(page.path.name, realcopy.word_runs(page.text)) for page in pages]
    corpus_sites = {realcopy.site_of(page.url) for page in pages}
    # (test pages last, so a domain with pages in both parts is reported as the test part's)
    corpus_domains = {domain_of(page.url): page.part for page in sorted(pages, key=lambda p: p.part == "test")}
    taken = {page.path.name for page in pages}
    mined_domains = {domain_of(url) for url in mined_urls(root)}
    why: dict[Path, list[str]] = {}
    seen_sites: dict[str, str] = {}
    seen_runs: list[tuple[str, set[str]]] = []
    for path in candidates:
        problems: list[str] = []
        try:
            page = realcopy.load_page(path, problems, claim_ids, part="dev")
        except Exception as exc:  # a file that does not parse is refused with the parser's reason, not a traceback
            why[path] = [f"does not load: {exc}"]
            continue
        site = realcopy.site_of(page.url)
        if path.name in taken:
            problems.append(f"{path.name} is already a corpus page's file name (copying would overwrite it)")
        domain = domain_of(page.url)
        if site in corpus_sites:
            problems.append(f"site {site} already has a corpus page")
        elif domain in corpus_domains:
            problems.append(f"domain {domain} already has a page in the corpus's {corpus_domains[domain]} part")
        elif domain != site and realcopy.split_of("https://" + domain) == "test":
            problems.append(f"domain {domain} belongs to the frozen test part")
        if domain in mined_domains:
            problems.append(f"site {domain} is the source of mined sentences, so a page of it is not unseen or would "
                            "expose the held-aside check set")
        if domain in seen_sites:
            problems.append(f"site {domain} already has a page in this round ({seen_sites[domain]})")
        runs = realcopy.word_runs(page.text)
        problems += [f"copies {name}, a {where} page" for where, group in (("corpus", corpus_runs), ("candidate", seen_runs))
                     for name, other in group if realcopy.copies(runs, other)]
        why[path] = problems
        seen_sites.setdefault(domain, path.name)
        seen_runs.append((path.name, runs))
    return why


def admit(candidates: list[Path], round_no: int, root: Path = realcopy.ROOT) -> list[str]:
    """Copy the round in and list it, if every candidate is admitted; return the paths written (from `root`)."""
    round_list = root / LISTS / f"realcopy_round{round_no}.txt"
    if round_list.exists():
        raise SystemExit(f"{round_list} exists: round {round_no} is already in")
    refused = {path: why for path, why in refusals(candidates, root).items() if why}
    if refused:
        raise SystemExit("\n".join(f"{path}: {reason}" for path, why in refused.items() for reason in why)
                         + f"\n{len(refused)} of {len(candidates)} refused; nothing copied")
    written = []
    for path in candidates:
        shutil.copyfile(path, root / CORPUS / "dev" / path.name)
        written.append(f"{CORPUS.as_posix()}/dev/{path.name}")
    round_list.write_text("".join(line + "\n" for line in written))
    with (root / LISTS / "realcopy_held_aside.txt").open("a") as out:
        out.write("".join(line + "\n" for line in written))
    return written


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="realcopy_admit.py", description=__doc__.splitlines()[0])
    ap.add_argument("--round", type=int, required=True, help="the round's number (names bench/data/realcopy_round<N>.txt)")
    ap.add_argument("--dry-run", action="store_true", help="only report refusals")
    ap.add_argument("pages", nargs="+", type=Path)
    args = ap.parse_args(argv)
    if args.dry_run:
        why = refusals(args.pages)
        for path, reasons in why.items():
            print(f"{path}: " + ("; ".join(reasons) if reasons else "admitted"))
        return 1 if any(why.values()) else 0
    written = admit(args.pages, args.round)
    print(f"round {args.round}: {len(written)} pages admitted and held aside")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
