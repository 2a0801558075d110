"""England figures to set beside the authority's own, each with its source and year, in one place.

Only figures that our shared reference (statutory-process-and-data-standards.md, section D: England,
year to 31 March) actually gives are here. A measure with no entry shows "no England figure in our
reference": Lantern does not invent or estimate a national figure."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Comparator:
    percent: float
    year: str  # the statistical year the figure is for
    source: str

    @property
    def label(self) -> str:
        return f"{self.percent:g}%"


NO_FIGURE = "no England figure in our reference"

ENGLAND: dict[str, Comparator] = {
    # Referrals in the year that came within 12 months of a previous referral of the same child.
    "rereferrals": Comparator(22.6, "year to 31 March 2025",
                              "DfE, Characteristics of children in need, 2025 (EES table C1)"),
    # Initial child protection conferences held within 15 working days of the start of the s47 enquiry.
    "icpc_15wd": Comparator(81.0, "year to 31 March 2025",
                            "DfE, Characteristics of children in need, 2025 (EES table C4)"),
    # Child protection plans that ended in the year having lasted 3 months or less.
    "plans_ended_3m": Comparator(15.9, "year to 31 March 2025",
                                 "DfE, Characteristics of children in need, 2025 (EES table D7)"),
}
