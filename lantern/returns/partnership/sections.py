"""The compendium laid out for reading: each indicator as a section with its headline findings,
tables and charts. The page and the PDF both draw these, so they always say the same thing."""

from dataclasses import dataclass, field

from .selectors import Compendium
from .selectors.common import CSC, Share
from .selectors.front_door import PARTNER_GROUPS


@dataclass
class Table:
    caption: str
    headers: list[str]  # the first is the row headers' column
    rows: list[list[str]]  # each row: its header, then its cells (numbers, right-aligned)


@dataclass
class Bar:
    label: str
    width: int  # 0-100: the share of the track the bar fills
    text: str  # the figure printed beside the bar


@dataclass
class Chart:
    title: str
    summary: str  # what the chart shows, in words: the text alternative with the table beside it
    kind: str  # "bars" (horizontal, one per agency or stage) or "months" (a column per month, in %)
    bars: list[Bar]

    # The months chart's SVG geometry, in viewBox units (the page scales it; the PDF draws its own).
    WIDTH, PLOT, AXIS, BASE = 640, 150, 40, 175

    def columns(self) -> list[dict]:
        count = max(1, len(self.bars))
        slot = (self.WIDTH - self.AXIS) / count
        every = -(-count // 12)
        return [{"x": round(self.AXIS + n * slot + slot * 0.15, 1), "w": round(slot * 0.7, 1),
                 "y": round(self.BASE - self.PLOT * b.width / 100, 1), "h": round(self.PLOT * b.width / 100, 1),
                 "mid": round(self.AXIS + n * slot + slot / 2, 1), "label": b.label.split(" (")[0],
                 "show_label": n % every == 0, "text": b.text, "show_text": count <= 24}
                for n, b in enumerate(self.bars)]

    def gridlines(self) -> list[dict]:
        return [{"y": self.BASE - self.PLOT * pct / 100, "label": f"{pct}%"} for pct in (0, 50, 100)]


@dataclass
class Section:
    key: str
    title: str
    intro: str
    findings: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # findings the board must not miss
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def n_of(share: Share) -> str:
    return f"{share.n:,} of {share.of:,} ({share.text})" if share.of else "none (nothing to count)"


def _num(n: int) -> str:
    return f"{n:,}"


def _pct_bars(rows: list[tuple[str, Share]]) -> list[Bar]:
    return [Bar(label, share.percent or 0, share.text) for label, share in rows]


def _count_bars(rows: list[tuple[str, int]]) -> list[Bar]:
    top = max((n for _, n in rows), default=0) or 1
    return [Bar(label, round(100 * n / top), _num(n)) for label, n in rows]


def _month_chart(title: str, months: list, value) -> Chart:
    bars = [Bar(m.month.label, value(m).percent or 0, value(m).text) for m in months]
    said = "; ".join(f"{b.label}: {b.text}" for b in bars)
    return Chart(title, f"{title}, by month. {said}.", "months", bars)


def strategy_section(c: Compendium) -> Section:
    s = c.strategy
    section = Section(
        "strategy", "Strategy discussions: which agencies took part",
        "Working Together expects the police, health and the agency that referred the child in every strategy "
        "discussion. The inspection found discussions that rarely involved anyone but the police and children's "
        "social care.",
        findings=[f"{_num(s.held)} strategy discussion{'s' if s.held != 1 else ''} held.",
                  f"Police, health and education all took part in {n_of(s.with_police_health_education)}.",
                  f"Where a partner agency other than the police or health referred the child, it took part in "
                  f"{n_of(s.referrer_took_part)}."])
    if s.without_police_or_health.n:
        section.warnings.append(
            f"{n_of(s.without_police_or_health)} went ahead without the police or without health: "
            f"{s.without_police.n:,} without the police and {s.without_health.n:,} without health.")
    rows = [(a.label, a.share) for a in s.by_agency]
    section.tables.append(Table("Strategy discussions each agency took part in",
                                ["Agency", "Discussions", "% of discussions held"],
                                [[label, _num(share.n), share.text] for label, share in rows]))
    section.charts.append(Chart("Share of strategy discussions each agency took part in",
                                "; ".join(f"{label}: {share.text}" for label, share in rows) + ".", "bars",
                                _pct_bars(rows)))
    section.tables.append(Table(
        "Strategy discussions by month", ["Month", "Held", "With police", "With health", "With education",
                                          "All three"],
        [[m.month.label, _num(m.held)] + [f"{n:,} ({Share(n, m.held).text})" for n in
                                           (m.police, m.health, m.education, m.all_three)] for m in s.months]))
    section.charts += [_month_chart(f"Strategy discussions with {who}", s.months,
                                    lambda m, k=key: Share(getattr(m, k), m.held))
                       for who, key in (("the police", "police"), ("health", "health"), ("education", "education"))]
    return section


def _conference_table(kind) -> Table:
    rows = []
    for a in kind.by_agency:
        report = a.report_share
        in_time = a.in_time_share
        rows.append([a.label, _num(a.invited), _num(a.attended), a.attended_share.text,
                     "–" if report is None else _num(a.reports), "–" if report is None else report.text,
                     "–" if in_time is None else in_time.text])
    return Table(f"{kind.label}: invitations, attendance and reports by agency",
                 ["Agency", "Invited", "Attended", "% attended", "Reports", "% sent a report",
                  "% report by the day"], rows)


def conference_section(c: Compendium) -> Section:
    ci = c.conferences
    section = Section(
        "conferences", "Child protection conferences: attendance and reports by agency",
        "A conference can only decide well on what the agencies bring. The inspection found conferences poorly "
        "attended by partner agencies, with decisions made on too little information. A conference counts here "
        "once the chair has recorded its decision (attendance is recorded with it).",
        findings=[f"{_num(ci.initial.held)} initial and {_num(ci.review.held)} review conferences held.",
                  f"At least three agencies (children's social care and two partners) attended "
                  f"{n_of(ci.initial.quorate)} initial conferences and {n_of(ci.review.quorate)} reviews."])
    waiting = ci.initial.waiting_for_record + ci.review.waiting_for_record
    if waiting:
        section.notes.append(f"{waiting:,} more conference{'s' if waiting != 1 else ''} in the period "
                             f"{'are' if waiting != 1 else 'is'} waiting for the chair's record and "
                             f"{'are' if waiting != 1 else 'is'} not counted yet.")
    for kind in (ci.initial, ci.review):
        section.tables.append(_conference_table(kind))
        partners = [(a.label, a.attended_share) for a in kind.by_agency if a.kind != CSC and a.invited]
        section.charts.append(Chart(f"{kind.label}: share of invitations attended, by partner agency",
                                    "; ".join(f"{label}: {share.text}" for label, share in partners) + ".",
                                    "bars", _pct_bars(partners)))
        reports = [(a.label, a.report_share) for a in kind.by_agency if a.report_share and a.invited]
        section.charts.append(Chart(f"{kind.label}: share of invitations with a report, by partner agency",
                                    "; ".join(f"{label}: {share.text}" for label, share in reports) + ".",
                                    "bars", _pct_bars(reports)))
    section.tables.append(Table(
        "Conferences (initial and review) by named partner agency",
        ["Agency", "Kind", "Invited", "Attended", "% attended", "Reports", "% sent a report"],
        [[a.name, a.kind_label, _num(a.invited), _num(a.attended), a.attended_share.text, _num(a.reports),
          a.report_share.text] for a in ci.named_agencies]))
    if not ci.named_agencies:
        section.notes.append("No invitation in the period names a particular partner agency.")
    return section


def police_section(c: Compendium) -> Section:
    i = c.conferences.initial
    section = Section(
        "police", "Police attendance at initial child protection conferences",
        "The inspection found that the police did not attend all initial conferences, including those where they "
        "were directly involved.",
        findings=[f"The police attended {n_of(i.police_attended)} initial conferences.",
                  f"The police were invited to {n_of(i.police_invited)}.",
                  f"Health attended {n_of(i.health_attended)}; education attended {n_of(i.education_attended)}."])
    if i.police_attended.of and i.police_attended.n < i.police_attended.of:
        section.warnings.append(f"{i.police_attended.of - i.police_attended.n:,} initial conference"
                                f"{'s' if i.police_attended.of - i.police_attended.n != 1 else ''} "
                                f"went ahead without the police.")
    section.tables.append(Table(
        "Initial conferences by month", ["Month", "Held", "Police attended", "Health attended",
                                         "Education attended"],
        [[m.month.label, _num(m.held)] + [f"{n:,} ({Share(n, m.held).text})" for n in
                                           (m.police_attended, m.health_attended, m.education_attended)]
         for m in i.months]))
    section.charts.append(_month_chart("Initial conferences the police attended", i.months,
                                       lambda m: Share(m.police_attended, m.held)))
    return section


def core_group_section(c: Compendium) -> Section:
    g = c.core_groups
    section = Section(
        "core-groups", "Core groups: attendance by agency",
        "The core group carries out the child protection plan between conferences. A member place is one member "
        "of the core group on the day of a meeting (joined on or before it, not yet left).",
        findings=[f"{_num(g.held)} core group meeting{'s' if g.held != 1 else ''} held.",
                  f"At least one partner agency attended {n_of(g.with_partner)}."])
    rows = [a for a in g.by_agency if a.expected or a.attended]
    section.tables.append(Table(
        "Core group attendance by agency",
        ["Agency", "Member places", "Attended", "% attended", "Meetings attended", "% of meetings"],
        [[a.label, _num(a.expected), _num(a.attended), a.attended_share.text, _num(a.meetings.n), a.meetings.text]
         for a in rows]))
    section.charts.append(Chart("Share of member places attended, by agency",
                                "; ".join(f"{a.label}: {a.attended_share.text}" for a in rows) + ".", "bars",
                                _pct_bars([(a.label, a.attended_share) for a in rows])))
    section.tables.append(Table(
        "Core group meetings by month", ["Month", "Held", "Police attended", "Health attended",
                                         "Education attended"],
        [[m.month.label, _num(m.held)] + [f"{n:,} ({Share(n, m.held).text})" for n in
                                           (m.police, m.health, m.education)] for m in g.months]))
    return section


def domestic_abuse_section(c: Compendium) -> Section:
    f = c.domestic_abuse
    section = Section(
        "domestic-abuse", "Domestic abuse notifications: from notification to help",
        "Police notifications received in the period and how many reached each stage. Triaged: the risk and "
        "whether children live in the household were recorded. Assessed: the children were referred for an "
        "assessment or a strategy discussion. Coordinated help: a MARAC action plan was agreed, or the family was "
        "passed to early help. The inspection found only 0.5% of notifications led to coordinated help.",
        findings=[f"{_num(f.total.notifications)} notification{'s' if f.total.notifications != 1 else ''} "
                  f"received."] + [f"{label}: {n_of(share)}." for key, label, share in f.stages
                                   if key != "notifications"])
    section.tables.append(Table("The funnel over the period", ["Stage", "Notifications", "% of notifications"],
                                [[label, _num(share.n), share.text] for _, label, share in f.stages]))
    section.charts.append(Chart("Notifications reaching each stage",
                                "; ".join(f"{label}: {share.n:,} ({share.text})" for _, label, share in f.stages)
                                + ".", "bars", _pct_bars([(label, share) for _, label, share in f.stages])))
    section.tables.append(Table(
        "The funnel by month", ["Month", "Notifications", "Triaged", "Assessed", "Coordinated help"],
        [[m.label, _num(x.notifications), _num(x.triaged), _num(x.assessed), _num(x.coordinated)]
         for m, x in f.months]))
    return section


# Whether the family was told first is asked of professionals, not of family members or anonymous callers.
NOT_ASKED = ("individual", "unknown")


def front_door_section(c: Compendium) -> Section:
    d = c.front_door
    section = Section(
        "front-door", "Contacts and referrals by the agency that made them",
        "The partners' own front door activity: contacts received in the period by source (the CIN census "
        "referral source), how many the front door accepted for an assessment or a strategy discussion, whether "
        "the referrer had told the family first (where they said), and referrals (child in need episodes) "
        "started in the period.",
        findings=[f"{_num(d.contacts)} contact{'s' if d.contacts != 1 else ''} and {_num(d.referrals)} "
                  f"referral{'s' if d.referrals != 1 else ''}."])
    section.tables.append(Table(
        "Contacts and referrals by source",
        ["Source", "Contacts", "Accepted for assessment or strategy", "% accepted", "% told the family first",
         "Referrals"],
        [[r.label, _num(r.contacts), _num(r.accepted), r.accepted_share.text,
          "–" if r.key in NOT_ASKED else r.discussed_share.text, _num(r.referrals)] for r in d.by_source]))
    section.charts.append(Chart("Contacts by source",
                                "; ".join(f"{r.label}: {r.contacts:,}" for r in d.by_source) + ".", "bars",
                                _count_bars([(r.label, r.contacts) for r in d.by_source])))
    labels = {r.key: r.label for r in d.by_source}
    section.tables.append(Table(
        "Contacts from the police, health and education by month",
        ["Month"] + [labels[k].split(" (")[0] for k in PARTNER_GROUPS] + ["Everyone else", "All contacts"],
        [[m.month.label] + [_num(m.counts.get(k, 0)) for k in PARTNER_GROUPS]
         + [_num(sum(n for k, n in m.counts.items() if k not in PARTNER_GROUPS)), _num(sum(m.counts.values()))]
         for m in d.months]))
    section.tables.append(Table("Checks the front door made with partner agencies",
                                ["Agency", "Checks", "Contacts checked"],
                                [[r.label, _num(r.checks), _num(r.contacts)] for r in d.checks]))
    if not d.checks:
        section.notes.append("The front door recorded no checks with partner agencies in the period.")
    return section


GAPS = (
    "Who was invited to a strategy discussion: Lantern records who took part, and asks why when the police, "
    "health or the referring agency did not; other absent agencies are not recorded.",
    "Which health or education service took part (GP, health visitor, school nurse; school or college): "
    "meetings record the kind of agency and, where chosen, the named agency.",
    "Attendance at MARAC (the multi-agency risk assessment conference) by agency: Lantern records only the "
    "MARAC outcome of a notification.",
    "Invitations to core groups, and reports to them: Lantern records the core group's members and who "
    "attended; partners' updates between meetings are free text.",
    "How quickly partner agencies answered the front door's checks: only the day each check was asked is "
    "recorded.",
    "Multi-agency training, audits and the board's other business are kept outside Lantern.",
)


BUILDERS = (strategy_section, conference_section, police_section, core_group_section, domestic_abuse_section,
            front_door_section)


def compendium_sections(c: Compendium) -> list[Section]:
    return [build(c) for build in BUILDERS]
