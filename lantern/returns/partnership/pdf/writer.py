"""Writing the compendium PDF: a title page (authority, period, when the figures were taken), then
each section's findings, tables and charts, with page numbers ("Page 3 of 12") on every page."""

from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from ..sections import GAPS, Section, Table
from .charts import INK, drawing_for

TITLE = "Safeguarding partnership data compendium"
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
HEADER_FILL = colors.HexColor("#f3f2f1")
RED = colors.HexColor("#d4351c")


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontName="Helvetica", fontSize=9.5, leading=13,
                          textColor=INK)
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontName="Helvetica-Bold", fontSize=24, leading=30,
                                alignment=0, textColor=INK, spaceAfter=12),
        "lead": ParagraphStyle("lead", parent=body, fontSize=13, leading=18, spaceAfter=8),
        "h1": ParagraphStyle("h1", parent=base["Heading1"], fontName="Helvetica-Bold", fontSize=15, leading=19,
                             textColor=INK, spaceBefore=4, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName="Helvetica-Bold", fontSize=11, leading=14,
                             textColor=INK, spaceBefore=8, spaceAfter=4),
        "body": body,
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=10, bulletIndent=0),
        "warning": ParagraphStyle("warning", parent=body, fontName="Helvetica-Bold", borderColor=RED,
                                  borderWidth=0, leftIndent=8, textColor=INK),
        "cell": ParagraphStyle("cell", parent=body, fontSize=7.5, leading=9.5),
        "cell_head": ParagraphStyle("cell_head", parent=body, fontName="Helvetica-Bold", fontSize=7.5, leading=9.5),
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=11),
    }


class NumberedCanvas(Canvas):
    """Keeps every page until the end, so each can say how many pages there are."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont("Helvetica", 8)
            self.setFillColor(INK)
            self.drawRightString(A4[0] - MARGIN, 10 * mm, f"Page {number} of {total}")
            self.drawString(MARGIN, 10 * mm, TITLE)
            super().showPage()
        super().save()


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _table(table: Table, st: dict) -> list:
    columns = len(table.headers)
    first = WIDTH * (0.34 if columns > 3 else 0.5)
    widths = [first] + [(WIDTH - first) / (columns - 1)] * (columns - 1)
    data = [[_p(h, st["cell_head"]) for h in table.headers]]
    data += [[_p(row[0], st["cell"])] + [_p(cell, st["cell"]) for cell in row[1:]] for row in table.rows]
    if not table.rows:
        data.append([_p("Nothing recorded in the period", st["cell"])] + [""] * (columns - 1))
    pdf_table = PdfTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    pdf_table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#b1b4b6")), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return [_p(table.caption, st["h2"]), pdf_table, Spacer(1, 4 * mm)]


def _section(section: Section, st: dict) -> list:
    story: list = [_p(section.title, st["h1"]), _p(section.intro, st["body"]), Spacer(1, 2 * mm)]
    story += [Paragraph(escape(w), st["warning"], bulletText="!") for w in section.warnings]
    story += [Paragraph(escape(f), st["bullet"], bulletText="•") for f in section.findings]
    story += [_p(n, st["small"]) for n in section.notes]
    story.append(Spacer(1, 3 * mm))
    for table in section.tables:
        story += _table(table, st)
    for chart in section.charts:
        if chart.bars:
            story.append(KeepTogether([_p(chart.title, st["h2"]), drawing_for(chart, WIDTH), Spacer(1, 3 * mm)]))
    return story


def _title_page(st: dict, *, authority: str, period_label: str, generated_at: datetime, author: str) -> list:
    return [Spacer(1, 40 * mm), _p(TITLE, st["title"]), _p(authority, st["lead"]),
            _p(f"Period: {period_label}", st["lead"]),
            _p(f"Figures as at {generated_at:%-d %B %Y, %H:%M}, taken live from Lantern's records", st["body"]),
            _p(f"Made by {author}", st["body"]), Spacer(1, 10 * mm),
            _p("For the multi-agency safeguarding partnership board. Every figure is a count of meetings, "
               "notifications, contacts or referrals by agency and month: no child is named or counted on their "
               "own. Small numbers are shown as they are.", st["body"]),
            _p("The same figures, with the tables beside the charts, are on Lantern's Partnership data page.",
               st["body"]), PageBreak()]


def write_compendium_pdf(sections: list[Section], stream, *, authority: str, period_label: str,
                         generated_at: datetime, author: str, progress=None, compress: bool = True) -> None:
    """Write the PDF to ``stream``; ``progress(done, total, message)`` is told as each section is laid out."""
    st = _styles()
    story = _title_page(st, authority=authority, period_label=period_label, generated_at=generated_at,
                        author=author)
    for n, section in enumerate(sections):
        if progress:
            progress(n, len(sections), f"Laying out: {section.title}")
        story += _section(section, st)
        story.append(PageBreak())
    story += [_p("What the records do not show", st["h1"])]
    story += [Paragraph(escape(gap), st["bullet"], bulletText="•") for gap in GAPS]
    doc = SimpleDocTemplate(stream, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN + 4 * mm, title=f"{TITLE}: {period_label}", author=authority,
                            subject="Multi-agency safeguarding indicators", creator="Lantern",
                            pageCompression=1 if compress else 0, lang="en-GB")
    doc.build(story, canvasmaker=NumberedCanvas)
