"""Server-side SVG charts for a claim's evidence (no JavaScript; printable).

- `evidence_chart`: every linked study as a mark, x = year, row = design, area ∝ n (a floor and a
  dashed outline for unknown n), colour AND shape by stance, each mark labelled with its citation.
- `forest_plot`: ratio effects (RR/OR/HR) with a CI on a log scale, the line of no effect at 1. Each
  mark's shape comes from its own estimate (CI below, across or above 1), never from the study's stance,
  so a mark cannot contradict its estimate; the stance is written beside it. `forest_data` also says
  which linked studies are left out and why (another measure, no CI, no estimate).

Everything drawn uses presentation attributes, never `style=""`, so the CSP (`style-src 'self'`)
holds. All text goes through markupsafe.escape.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable

from markupsafe import Markup, escape

from webui.present import STANCES, design_label, design_rank, fmt_number, fmt_ratio, is_ratio_with_ci

STANCE_COLOURS = {"supports": "#1a7f37", "refutes": "#b42318", "mixed": "#8a5a00", "context": "#4f5b66"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def _attrs(attrs: dict[str, Any]) -> str:
    out = []
    for k, v in attrs.items():
        if v is None or v is False:
            continue
        name = k.rstrip("_").replace("_", "-")
        out.append(f' {name}="{escape(_num(v) if isinstance(v, float) else v)}"')
    return "".join(out)


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def el(tag: str, attrs: dict[str, Any] | None = None, *children: Any) -> Markup:
    inner = "".join(str(c) if isinstance(c, Markup) else str(escape(c)) for c in children if c is not None)
    if not children:
        return Markup(f"<{tag}{_attrs(attrs or {})}/>")
    return Markup(f"<{tag}{_attrs(attrs or {})}>{inner}</{tag}>")


def shape(stance: str, cx: float, cy: float, r: float, *, hollow: bool = False) -> Markup:
    """A mark of area π·r² whose shape says the stance: circle, square, diamond or triangle."""
    colour = STANCE_COLOURS.get(stance, "#4f5b66")
    paint = {"fill": "#ffffff" if hollow else colour, "fill_opacity": None if hollow else "0.8",
             "stroke": colour, "stroke_width": "2", "stroke_dasharray": "3 2" if hollow else None}
    area = math.pi * r * r
    if stance == "supports":
        return el("circle", {"cx": cx, "cy": cy, "r": r, **paint})
    if stance == "refutes":
        s = math.sqrt(area)
        return el("rect", {"x": cx - s / 2, "y": cy - s / 2, "width": s, "height": s, **paint})
    if stance == "mixed":
        h = math.sqrt(area / 2)  # a rhombus with half-diagonals h has area 2h²
        pts = [(cx, cy - h), (cx + h, cy), (cx, cy + h), (cx - h, cy)]
        return el("polygon", {"points": " ".join(f"{_num(x)},{_num(y)}" for x, y in pts), **paint})
    a = math.sqrt(4 * area / math.sqrt(3))  # equilateral triangle of the same area
    hgt = a * math.sqrt(3) / 2
    pts = [(cx, cy - 2 * hgt / 3), (cx + a / 2, cy + hgt / 3), (cx - a / 2, cy + hgt / 3)]
    return el("polygon", {"points": " ".join(f"{_num(x)},{_num(y)}" for x, y in pts), **paint})


def _svg(width: float, height: float, uid: str, title: str, desc: str, *body: Any) -> Markup:
    return el("svg", {"xmlns": "http://www.w3.org/2000/svg", "viewBox": f"0 0 {_num(width)} {_num(height)}",
                      "width": width, "height": height, "role": "img", "class": "chart",
                      "aria-labelledby": f"{uid}-title {uid}-desc", "font-family": FONT, "font-size": "12"},
              el("title", {"id": f"{uid}-title"}, title), el("desc", {"id": f"{uid}-desc"}, desc), *body)


def _legend(x: float, y: float) -> list[Markup]:
    out = []
    for i, (key, badge) in enumerate(STANCES.items()):
        lx = x + i * 110
        out.append(shape(key, lx + 6, y, 6))
        out.append(el("text", {"x": lx + 16, "y": y + 4}, badge.label))
    return out


@dataclass
class Mark:
    key: str
    label: str
    year: int | None
    design: str
    n: int | None
    stance: str


def evidence_marks(rows: Iterable[tuple[Any, Any]]) -> list[Mark]:
    return [Mark(study.key, study.short_citation, study.year, study.design, study.n, link.stance) for link, study in rows]


def evidence_chart(rows: Iterable[tuple[Any, Any]], uid: str = "evchart", title: str = "Evidence by year, design and size") -> Markup:
    marks = evidence_marks(rows)
    if not marks:
        return Markup("")
    left, right, top, width = 215.0, 24.0, 58.0, 860.0
    r_min, r_max = 5.0, 18.0
    years = [m.year for m in marks if m.year]
    y0, y1 = (min(years), max(years)) if years else (2000, 2001)
    if y0 == y1:
        y0, y1 = y0 - 1, y1 + 1
    has_nd = any(m.year is None for m in marks)
    plot_l = left + (50.0 if has_nd else 16.0)
    plot_r = width - right - 150.0  # room for the labels of the latest marks

    def x_of(year: int | None) -> float:
        if year is None:
            return left + 18.0
        return plot_l + (year - y0) / (y1 - y0) * (plot_r - plot_l)

    max_n = max((m.n for m in marks if m.n), default=1)

    def radius(n: int | None) -> float:
        return r_min if not n else max(r_min, r_max * math.sqrt(n / max_n))

    designs = sorted({m.design for m in marks}, key=lambda d: (-design_rank(d), d))
    body: list[Markup] = []
    y = top
    row_layout = []
    for d in designs:
        lanes: list[float] = []  # right edge used so far in each lane
        placed = []
        for m in sorted((m for m in marks if m.design == d), key=lambda m: (m.year or 0, m.key)):
            r = radius(m.n)
            x = x_of(m.year)
            start, end = x - r - 2, x + r + 6 + len(m.label) * 6.4
            lane = next((i for i, used in enumerate(lanes) if used < start), None)
            if lane is None:
                lanes.append(end)
                lane = len(lanes) - 1
            else:
                lanes[lane] = end
            placed.append((m, x, lane, r))
        lane_h = max(28.0, 2 * max((r for *_, r in placed), default=r_min) + 10)
        height = max(1, len(lanes)) * lane_h
        row_layout.append((d, y, height, lane_h, placed))
        y += height
    plot_bottom = y
    total_h = plot_bottom + 64
    # rows, labels and marks
    for i, (d, ry, rh, lane_h, placed) in enumerate(row_layout):
        if i % 2 == 0:
            body.append(el("rect", {"x": left, "y": ry, "width": width - right - left, "height": rh, "fill": "#f3f5f7"}))
        body.append(el("text", {"x": left - 8, "y": ry + rh / 2 + 4, "text-anchor": "end", "font-weight": "600"},
                       design_label(d)))
        for m, x, lane, r in placed:
            cy = ry + lane * lane_h + lane_h / 2
            n_text = f"n = {m.n}" if m.n else "n not reported"
            tip = f"{m.label} · {design_label(m.design)} · {m.year or 'year unknown'} · {n_text} · {STANCES[m.stance].label}"
            body.append(el("g", {"class": "mark"}, el("title", {}, tip), shape(m.stance, x, cy, r, hollow=not m.n),
                           el("text", {"x": x + r + 4, "y": cy + 4}, m.label)))
    # axis
    body.append(el("line", {"x1": left, "y1": plot_bottom, "x2": width - right, "y2": plot_bottom, "stroke": "#333"}))
    step = max(1, math.ceil((y1 - y0) / 10))
    for yr in range(y0, y1 + 1, step):
        x = x_of(yr)
        body.append(el("line", {"x1": x, "y1": plot_bottom, "x2": x, "y2": plot_bottom + 5, "stroke": "#333"}))
        body.append(el("text", {"x": x, "y": plot_bottom + 18, "text-anchor": "middle"}, str(yr)))
    if has_nd:
        body.append(el("text", {"x": x_of(None), "y": plot_bottom + 18, "text-anchor": "middle"}, "n.d."))
    body.append(el("text", {"x": (plot_l + plot_r) / 2, "y": plot_bottom + 36, "text-anchor": "middle"}, "Year of publication"))
    body.extend(_legend(left, 18))
    body.append(el("text", {"x": left, "y": 42, "fill": "#4a4f55"},
                   "Mark area ∝ number of participants; dashed outline = number not reported"))
    counts = {k: sum(1 for m in marks if m.stance == k) for k in STANCES}
    desc = (f"{len(marks)} studies plotted by year (horizontal) and design (rows), sized by number of participants. "
            + ", ".join(f"{v} {STANCES[k].label.lower()}" for k, v in counts.items() if v) + ".")
    return _svg(width, total_h, uid, title, desc, *body)


@dataclass
class ForestRow:
    key: str
    label: str
    sublabel: str
    measure: str
    value: float
    low: float
    high: float
    stance: str
    text: str

    @property
    def direction(self) -> str:
        """Where the CI lies against the line of no effect: "lower", "higher" or "crosses"."""
        if self.high < 1:
            return "lower"
        if self.low > 1:
            return "higher"
        return "crosses"


DIRECTION_TEXT = {
    "lower": "lower with the intervention (CI below 1)",
    "higher": "higher with the intervention (CI above 1)",
    "crosses": "no clear difference (CI includes 1)",
}
MEASURE_NAMES = {"MD": "a mean difference", "SMD": "a standardised mean difference", "RD": "a risk difference",
                 "RID%": "a relative infant dose", "proportion%": "a single-group proportion",
                 "NNT": "a number needed to treat"}


@dataclass
class LeftOut:
    key: str
    label: str
    stance: str
    reason: str


@dataclass
class ForestData:
    plotted: list[ForestRow]
    left_out: list[LeftOut]  # linked studies that report an estimate the plot cannot show, with the reason
    no_estimate: list[LeftOut]  # linked studies whose record gives no effect estimate

    def to_dict(self) -> dict[str, Any]:
        return {
            "plotted": [{"study": r.key, "measure": r.measure, "value": r.value, "ci_low": r.low, "ci_high": r.high,
                         "outcome": r.sublabel or None, "direction": r.direction, "stance": r.stance} for r in self.plotted],
            "left_out": [{"study": x.key, "stance": x.stance, "reason": x.reason} for x in self.left_out],
            "no_estimate": [{"study": x.key, "stance": x.stance} for x in self.no_estimate],
        }

    @property
    def note(self) -> str:
        """A plain sentence on what the plot leaves out, or "" when it shows every linked study."""
        parts = []
        if self.left_out:
            parts.append(f"{len(self.left_out)} linked {'study reports' if len(self.left_out) == 1 else 'studies report'} "
                         "an estimate that is not a ratio with a confidence interval and so is not plotted")
        if self.no_estimate:
            against = sum(1 for x in self.no_estimate if x.stance in ("refutes", "mixed"))
            parts.append(f"{len(self.no_estimate)} linked {'study gives' if len(self.no_estimate) == 1 else 'studies give'} "
                         "no effect estimate in our records" + (f", {against} of them against or mixed on the claim" if against else ""))
        if not parts:
            return ""
        return "Not in the plot: " + "; ".join(parts) + ". They are all in the evidence table."


def forest_rows(rows: Iterable[tuple[Any, Any]]) -> list[ForestRow]:
    return forest_data(rows).plotted


def forest_data(rows: Iterable[tuple[Any, Any]]) -> ForestData:
    plotted, left_out, none = [], [], []
    for link, study in rows:
        e = link.effect
        if e is None:
            none.append(LeftOut(study.key, study.short_citation, link.stance, "no effect estimate recorded"))
        elif is_ratio_with_ci(e):
            sub = ", ".join(x for x in (e.outcome, e.timepoint) if x)
            plotted.append(ForestRow(study.key, study.short_citation, sub, e.measure, e.value, e.ci_low, e.ci_high,
                                     link.stance, f"{e.measure} {fmt_ratio(e.value)} ({fmt_ratio(e.ci_low)}–{fmt_ratio(e.ci_high)})"))
        elif e.measure in ("RR", "OR", "HR"):
            left_out.append(LeftOut(study.key, study.short_citation, link.stance,
                                    f"{e.measure} {fmt_ratio(e.value)} is reported without a confidence interval"))
        else:
            left_out.append(LeftOut(study.key, study.short_citation, link.stance,
                                    f"reports {MEASURE_NAMES.get(e.measure, e.measure)} ({e.measure} {fmt_number(e.value)}), "
                                    "which does not go on a ratio scale"))
    return ForestData(plotted, left_out, none)


TICKS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]
ESTIMATE_INK = {"lower": "#123a5e", "higher": "#123a5e", "crosses": "#4f5863"}


def _truncate(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def estimate_mark(direction: str, cx: float, cy: float, r: float = 6.0) -> Markup:
    """The point estimate: a filled triangle pointing to the side its whole CI lies on, or a hollow
    circle when the CI includes 1. Shape and fill come from the estimate alone."""
    ink = ESTIMATE_INK[direction]
    if direction == "crosses":
        return el("circle", {"cx": cx, "cy": cy, "r": r, "fill": "#ffffff", "stroke": ink, "stroke_width": "2"})
    tip = -1 if direction == "lower" else 1
    pts = [(cx + tip * r * 1.2, cy), (cx - tip * r * 0.8, cy - r), (cx - tip * r * 0.8, cy + r)]
    return el("polygon", {"points": " ".join(f"{_num(x)},{_num(y)}" for x, y in pts), "fill": ink, "stroke": ink,
                          "stroke_width": "1"})


def forest_plot(rows: Iterable[tuple[Any, Any]], uid: str = "forest", title: str = "Forest plot of ratio effects") -> Markup:
    data = forest_data(rows)
    if not data.plotted:
        return Markup("")
    plotted = data.plotted
    left, plot_w, right_w, top, row_h = 250.0, 330.0, 210.0, 40.0, 44.0
    width = left + plot_w + right_w
    lo = min(min(r.low for r in plotted), 1.0) / 1.3
    hi = max(max(r.high for r in plotted), 1.0) * 1.3
    llo, lhi = math.log(lo), math.log(hi)

    def x_of(v: float) -> float:
        return left + (math.log(v) - llo) / (lhi - llo) * plot_w

    body: list[Markup] = []
    bottom = top + len(plotted) * row_h
    body.append(el("text", {"x": 8, "y": 24, "font-weight": "600"}, "Study"))
    body.append(el("text", {"x": left + plot_w + 12, "y": 24, "font-weight": "600"}, "Ratio (95% CI) · stance"))
    one = x_of(1.0)
    body.append(el("line", {"x1": one, "y1": top - 6, "x2": one, "y2": bottom, "stroke": "#333", "stroke-dasharray": "4 3"}))
    for i, r in enumerate(plotted):
        cy = top + i * row_h + row_h / 2
        ink = ESTIMATE_INK[r.direction]
        tip = (f"{r.label}: {r.text}" + (f", {r.sublabel}" if r.sublabel else "")
               + f" · {DIRECTION_TEXT[r.direction]} · study's stance on the claim: {STANCES[r.stance].label}")
        body.append(el("g", {"class": "mark"}, el("title", {}, tip),
                       el("text", {"x": 8, "y": cy - 3}, _truncate(r.label, 34)),
                       el("text", {"x": 8, "y": cy + 12, "font-size": "11", "fill": "#4a4f55"}, _truncate(r.sublabel, 40)),
                       el("line", {"x1": x_of(r.low), "y1": cy, "x2": x_of(r.high), "y2": cy, "stroke": ink, "stroke-width": "2"}),
                       el("line", {"x1": x_of(r.low), "y1": cy - 5, "x2": x_of(r.low), "y2": cy + 5, "stroke": ink, "stroke-width": "2"}),
                       el("line", {"x1": x_of(r.high), "y1": cy - 5, "x2": x_of(r.high), "y2": cy + 5, "stroke": ink, "stroke-width": "2"}),
                       estimate_mark(r.direction, x_of(r.value), cy),
                       el("text", {"x": left + plot_w + 12, "y": cy - 3}, r.text),
                       el("text", {"x": left + plot_w + 12, "y": cy + 12, "font-size": "11", "fill": "#4a4f55"},
                          f"Stance: {STANCES[r.stance].label}")))
    body.append(el("line", {"x1": left, "y1": bottom, "x2": left + plot_w, "y2": bottom, "stroke": "#333"}))
    for t in TICKS:
        if lo <= t <= hi:
            x = x_of(t)
            body.append(el("line", {"x1": x, "y1": bottom, "x2": x, "y2": bottom + 5, "stroke": "#333"}))
            body.append(el("text", {"x": x, "y": bottom + 18, "text-anchor": "middle"}, f"{t:g}"))
    # which side means what, written at the line of no effect
    body.append(el("text", {"x": one - 6, "y": bottom + 36, "text-anchor": "end"}, "◀ lower with the intervention"))
    body.append(el("text", {"x": one + 6, "y": bottom + 36}, "higher with the intervention ▶"))
    body.append(el("text", {"x": left + plot_w / 2, "y": bottom + 54, "text-anchor": "middle", "fill": "#4a4f55"},
                   "Ratio, log scale; dashed line: no difference (1)"))
    desc = (f"{len(plotted)} ratio estimates with 95% confidence intervals on a log scale: "
            + "; ".join(f"{r.label} {r.text}, {DIRECTION_TEXT[r.direction]}" for r in plotted) + "."
            + (f" {data.note}" if data.note else ""))
    return _svg(width, bottom + 66, uid, title, desc, *body)
