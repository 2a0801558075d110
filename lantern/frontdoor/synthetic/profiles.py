"""How a well-run authority's front door differs from the one the 2013 inspection found, as numbers."""

from dataclasses import dataclass, field

# Sandwell-sized: about 20,000 contacts and 4,840 police domestic abuse notifications a year for 85,000 children.
CONTACTS_PER_CHILD_YEAR = 20_000 / 85_000
NOTIFICATIONS_PER_CHILD_YEAR = 4_840 / 85_000


@dataclass(frozen=True)
class Profile:
    referral_share: float  # contacts that become referrals (England: about 1 in 4 or 5)
    rereferral_share: float  # referrals within 12 months of the previous one (England 2023-24: 22.6%)
    online_share: float  # partner contacts sent through the online referral form
    discussed_share: float  # concerns discussed with the parents first
    level_agreement: float  # partner's view of the level matches the front door's
    on_time: float  # decisions within 1 working day
    strategy_share: float  # referrals needing a strategy discussion
    police_of_referrals: float  # referrals that began as a police notification
    police_of_others: float  # other contacts that began as a police notification
    outcomes: dict[str, float] = field(default_factory=dict)  # contacts that do not become referrals
    police_outcomes: dict[str, float] = field(default_factory=dict)
    marac_action_plan: float = 0.8  # high-risk cases heard at MARAC with an action plan
    repeat_share: float = 0.15  # non-referral contacts about a child already contacted recently
    backlog_share: float = 0.0  # last month's contacts still waiting, overdue
    strategy_unarranged: float = 0.0


WELL_RUN = Profile(referral_share=0.23, rereferral_share=0.226, online_share=0.55, discussed_share=0.85,
                   level_agreement=0.8, on_time=0.96, strategy_share=0.15, police_of_referrals=0.15,
                   police_of_others=0.10,
                   outcomes={"nfa": 0.30, "advice": 0.35, "early_help": 0.32, "transfer": 0.03},
                   police_outcomes={"nfa": 0.35, "advice": 0.25, "early_help": 0.38, "transfer": 0.02},
                   marac_action_plan=0.85, repeat_share=0.12)
# Thresholds not shared, the referral form rarely used, contacts closed that should have been assessed,
# parents not told, and domestic abuse notifications that almost never led to coordinated help.
INSPECTED = Profile(referral_share=0.18, rereferral_share=0.28, online_share=0.05, discussed_share=0.45,
                    level_agreement=0.45, on_time=0.70, strategy_share=0.08, police_of_referrals=0.08,
                    police_of_others=0.18,
                    outcomes={"nfa": 0.62, "advice": 0.25, "early_help": 0.11, "transfer": 0.02},
                    police_outcomes={"nfa": 0.85, "advice": 0.14, "early_help": 0.005, "transfer": 0.005},
                    marac_action_plan=0.05, repeat_share=0.30, backlog_share=0.04, strategy_unarranged=0.15)
PROFILES = {"well_run": WELL_RUN, "inspected": INSPECTED}
