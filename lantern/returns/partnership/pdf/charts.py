"""Simple bar charts drawn with reportlab's graphics: horizontal bars (one per agency or stage) and a
column per month. The figures are printed beside every bar, so no colour carries meaning alone."""

from math import ceil

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from ..sections import Chart

BLUE = colors.HexColor("#1d70b8")
TRACK = colors.HexColor("#f3f2f1")
INK = colors.HexColor("#0b0c0c")
GREY = colors.HexColor("#b1b4b6")
FONT = "Helvetica"


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def horizontal_bars(chart: Chart, width: float) -> Drawing:
    row, label_w, value_w = 14, width * 0.38, 40
    track_w = width - label_w - value_w - 8
    height = row * len(chart.bars) + 4
    drawing = Drawing(width, height)
    for n, bar in enumerate(chart.bars):
        y = height - (n + 1) * row
        drawing.add(String(0, y + 3, _fit(bar.label, 46), fontName=FONT, fontSize=7.5, fillColor=INK))
        drawing.add(Rect(label_w, y + 1, track_w, row - 4, fillColor=TRACK, strokeColor=None))
        if bar.width:
            drawing.add(Rect(label_w, y + 1, max(1, track_w * bar.width / 100), row - 4, fillColor=BLUE,
                             strokeColor=None))
        drawing.add(String(width, y + 3, bar.text, fontName=FONT + "-Bold", fontSize=7.5, fillColor=INK,
                           textAnchor="end"))
    return drawing


def month_columns(chart: Chart, width: float) -> Drawing:
    """Percentages by month, 0-100% on the axis; a label under every column while they fit."""
    plot_h, axis_w, label_h = 90, 26, 14
    drawing = Drawing(width, plot_h + label_h + 14)
    base, count = label_h, max(1, len(chart.bars))
    slot = (width - axis_w) / count
    for pct in (0, 50, 100):
        y = base + plot_h * pct / 100
        drawing.add(Line(axis_w - 2, y, width, y, strokeColor=GREY, strokeWidth=0.4))
        drawing.add(String(axis_w - 4, y - 2.5, f"{pct}%", fontName=FONT, fontSize=6.5, fillColor=INK,
                           textAnchor="end"))
    every = max(1, ceil(count / 12))
    for n, bar in enumerate(chart.bars):
        x = axis_w + n * slot
        if bar.width:
            drawing.add(Rect(x + slot * 0.15, base, slot * 0.7, plot_h * bar.width / 100, fillColor=BLUE,
                             strokeColor=None))
        if count <= 24:
            drawing.add(String(x + slot / 2, base + plot_h * bar.width / 100 + 2, bar.text, fontName=FONT,
                               fontSize=5.5, fillColor=INK, textAnchor="middle"))
        if n % every == 0:
            drawing.add(String(x + slot / 2, 3, bar.label.split(" (")[0], fontName=FONT, fontSize=6,
                               fillColor=INK, textAnchor="middle"))
    return drawing


def drawing_for(chart: Chart, width: float) -> Drawing:
    return month_columns(chart, width) if chart.kind == "months" else horizontal_bars(chart, width)
