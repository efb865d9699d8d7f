"""Charts as server-rendered SVG: visible without JavaScript or any library, accessible (role="img" with a
title and a description), each with a table of the same numbers beside it, downloadable as SVG (from the
server), PNG (drawn from the SVG in the browser, static/charts.js) and data (CSV/XLSX via `export`).

Why SVG from the server rather than a JS chart library: the numbers are few (a dozen years, 25 bars), the
page stays readable with scripts off, tests can check the chart in the HTML, and nothing is fetched from
elsewhere. Styles are attributes, not CSS, so a downloaded file looks like the page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from markupsafe import Markup, escape

from kommuneokonomi.export import TableData, danish_number

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
COLOURS = ("#1f4e79", "#b35c00", "#2e7d32", "#6a1b9a")
INK, GRID, GAP_FILL = "#1b1b1b", "#d5dde6", "#eeeeee"
WIDTH = 480  # drawn at this size on a desktop; a phone scales it to about 0,75


@dataclass
class Line:
    name: str
    values: dict[str, float | None]  # by x label; a missing label or None is a gap, never interpolated
    hollow: set[str] = field(default_factory=set)  # x labels drawn as open circles (a weaker source)


@dataclass
class Panel:
    title: str
    unit: str
    lines: list[Line]
    gaps: dict[str, str] = field(default_factory=dict)  # x label -> why there is no value


@dataclass
class Chart:
    """One chart: its SVG, the same numbers as a table, and where its files are downloaded."""

    id: str
    title: str
    svg: Markup
    table: TableData
    name: str  # /graf/<name>.svg and /download/<name>.csv
    query: str = ""
    notes: list[str] = field(default_factory=list)


def _nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2 or 5 × 10^k apart) covering lo..hi."""
    if hi == lo:
        lo, hi = (lo - 1, hi + 1) if lo == 0 else (lo - abs(lo) * 0.05, hi + abs(hi) * 0.05)
    raw = (hi - lo) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(lo / step) * step
    ticks = []
    value = first
    while value <= hi + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < hi:
        ticks.append(round(value, 10))
    return ticks


def _number(value: float) -> str:
    return danish_number(Decimal(repr(value)).normalize() if value % 1 else int(value))


def _cell(value: float | None) -> int | float | None:
    """A table cell: whole numbers as integers, the rest to one decimal (amounts in mio. kr.)."""
    if value is None:
        return None
    return int(value) if value == int(value) else round(value, 1)


def _text(
    x: float, y: float, content: str, size: int = 13, anchor: str = "start", fill: str = INK, **attrs: str
) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" fill="{fill}" '
        f'text-anchor="{anchor}"{extra}>{escape(content)}</text>'
    )


def _frame(chart_id: str, title: str, description: str, height: float, body: list[str]) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" '
        f'height="{height:.0f}" role="img" aria-labelledby="{chart_id}-titel {chart_id}-beskrivelse" '
        f'id="{chart_id}-svg" class="graf-svg">'
        f'<title id="{chart_id}-titel">{escape(title)}</title>'
        f'<desc id="{chart_id}-beskrivelse">{escape(description)}</desc>'
        f'<rect width="{WIDTH}" height="{height:.0f}" fill="white"/>'
        + _text(12, 22, title, 15, font_weight="700")
    )
    return Markup(head + "".join(body) + "</svg>")


def line_panels(
    chart_id: str,
    title: str,
    xs: list[str],
    panels: list[Panel],
    name: str,
    query: str = "",
    legend: str = "",
) -> Chart:
    """Small multiples: one panel per quantity, each with its own y-axis (a frame of 20.000 mio. kr. is not
    a flat line beside one of 300.000). A panel's gap is a shaded column saying why; lines break there."""
    left, right, top, panel_h, bottom = 70, 16, 40, 190, 34
    plot_w = WIDTH - left - right
    step = plot_w / max(len(xs), 1)

    def x_at(i: int) -> float:
        return left + step * (i + 0.5)

    body: list[str] = []
    y0 = top
    described = []
    for p_index, panel in enumerate(panels):
        values = [v for line in panel.lines for v in line.values.values() if v is not None]
        ticks = _nice_ticks(min(values), max(values)) if values else [0.0, 1.0]
        lo, hi = ticks[0], ticks[-1]
        plot_top, plot_bottom = y0 + 22, y0 + panel_h - bottom

        def y_at(
            v: float, lo: float = lo, hi: float = hi, t: float = plot_top, b: float = plot_bottom
        ) -> float:
            return b - (v - lo) / (hi - lo) * (b - t)

        body.append(_text(left, y0 + 12, f"{panel.title} ({panel.unit})", 13, font_weight="600"))
        for i, x in enumerate(xs):
            if x in panel.gaps:
                body.append(
                    f'<rect x="{x_at(i) - step / 2:.1f}" y="{plot_top:.1f}" width="{step:.1f}" '
                    f'height="{plot_bottom - plot_top:.1f}" fill="{GAP_FILL}"/>'
                )
                body.append(
                    _text(
                        x_at(i),
                        (plot_top + plot_bottom) / 2,
                        panel.gaps[x],
                        10,
                        "middle",
                        fill="#444",
                        transform=f"rotate(-90 {x_at(i):.1f} {(plot_top + plot_bottom) / 2:.1f})",
                    )
                )
        for t in ticks:
            y = y_at(t)
            body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
            body.append(_text(left - 6, y + 4, _number(t), 11, "end"))
        for i, x in enumerate(xs):
            body.append(_text(x_at(i), plot_bottom + 18, x, 12, "middle"))
        for l_index, line in enumerate(panel.lines):
            colour = COLOURS[(p_index + l_index) % len(COLOURS)]
            segments: list[list[tuple[float, float]]] = [[]]
            for i, x in enumerate(xs):
                v = line.values.get(x)
                if v is None:
                    segments.append([])
                    continue
                segments[-1].append((x_at(i), y_at(v)))
            for seg in segments:
                if len(seg) > 1:
                    points = " ".join(f"{a:.1f},{b:.1f}" for a, b in seg)
                    body.append(
                        f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
                    )
            for i, x in enumerate(xs):
                v = line.values.get(x)
                if v is not None:
                    fill = "white" if x in line.hollow else colour
                    body.append(
                        f'<circle cx="{x_at(i):.1f}" cy="{y_at(v):.1f}" r="4" fill="{fill}" '
                        f'stroke="{colour}" stroke-width="2">'
                        f"<title>{escape(line.name)} {x}: {_number(v)} {escape(panel.unit)}</title></circle>"
                    )
            shown = [f"{x}: {_number(v)}" for x in xs if (v := line.values.get(x)) is not None]
            described.append(f"{line.name} ({panel.unit}) " + "; ".join(shown))
        if panel.gaps:
            described.append(
                f"{panel.title} mangler " + ", ".join(f"{x} ({r})" for x, r in panel.gaps.items())
            )
        y0 += panel_h
    if legend:
        body.append(_text(left, y0 + 4, legend, 11, fill="#444"))
        y0 += 14
    description = ". ".join(described) + "."
    columns = ["Budgetår"] + [f"{line.name} ({panel.unit})" for panel in panels for line in panel.lines]
    rows: list[list[object]] = [
        [x, *(_cell(line.values.get(x)) for panel in panels for line in panel.lines)] for x in xs
    ]
    return Chart(
        chart_id,
        title,
        _frame(chart_id, title, description, y0 + 4, body),
        TableData(title, columns, rows),
        name,
        query,
    )


def bars(
    chart_id: str,
    title: str,
    labels: list[str],
    values: list[float],
    unit: str,
    name: str,
    query: str = "",
) -> Chart:
    """Horizontal bars (long municipality names stay readable on a phone), negative values to the left."""
    left, right, top, bar_h, gap = 180, 90, 44, 16, 5
    height = top + len(labels) * (bar_h + gap) + 30
    lo, hi = min([0.0, *values]), max([0.0, *values])
    ticks = _nice_ticks(lo, hi, 4)
    lo, hi = ticks[0], ticks[-1]
    plot_w = WIDTH - left - right

    def x_at(v: float) -> float:
        return left + (v - lo) / (hi - lo) * plot_w

    body: list[str] = []
    bottom = top + len(labels) * (bar_h + gap)
    for t in ticks:
        x = x_at(t)
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 4}" y2="{bottom}" stroke="{GRID}"/>')
        body.append(_text(x, bottom + 16, _number(t), 11, "middle"))
    for i, (label, v) in enumerate(zip(labels, values, strict=True)):
        y = top + i * (bar_h + gap)
        x0, x1 = sorted((x_at(0), x_at(v)))
        body.append(_text(left - 6, y + bar_h - 3, label, 12, "end"))
        body.append(
            f'<rect x="{x0:.1f}" y="{y}" width="{max(x1 - x0, 0.5):.1f}" height="{bar_h}" '
            f'fill="{COLOURS[0]}"><title>{escape(label)}: {_number(v)} {escape(unit)}</title></rect>'
        )
        body.append(_text(x1 + 4, y + bar_h - 3, f"{_number(v)} {unit}", 11))
    description = "; ".join(f"{label}: {_number(v)} {unit}" for label, v in zip(labels, values, strict=True))
    return Chart(
        chart_id,
        title,
        _frame(chart_id, title, description, height, body),
        TableData(title, ["", unit], [[label, v] for label, v in zip(labels, values, strict=True)]),
        name,
        query,
    )
