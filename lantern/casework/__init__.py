"""Record shapes more than one part of the journey keeps: a plan's actions and the progress made on
them, and a statutory visit to a child. Each part keeps its own table (the Standard Safeguarding
Dataset splits them the same way, ADR 0012), built on one abstract model here, so the fields,
their words and their rules are written once."""
