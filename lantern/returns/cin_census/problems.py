"""What is wrong with a census file: each problem with the child, the element and the line."""

from dataclasses import asdict, dataclass

from .records import Return


@dataclass
class Problem:
    message: str
    element: str = ""
    line: int | None = None
    la_child_id: str = ""
    rule: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class ReadResult:
    census: Return | None
    problems: list[Problem]
    warnings: list[Problem]
