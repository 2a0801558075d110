"""The rows a journey plan is made of, kept in dependency order for the bulk writer."""

from dataclasses import dataclass, field


@dataclass
class Rows:
    episodes: list = field(default_factory=list)  # new episodes, inserted
    continued: list = field(default_factory=list)  # episodes another stage opened, updated
    returns: list = field(default_factory=list)  # (episode, the stepped-down episode it came back from)
    transfers: list = field(default_factory=list)
    assessments: list = field(default_factory=list)
    factors: list = field(default_factory=list)
    engagements: list = field(default_factory=list)
    plans: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    reviews: list = field(default_factory=list)
    progress: list = field(default_factory=list)
    visits: list = field(default_factory=list)
    closures: list = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(value) for name, value in vars(self).items() if name not in ("returns", "continued")} | {
            "episodes continued": len(self.continued),
            "returns after step-down": len(self.returns)}
