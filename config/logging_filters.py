"""A logging filter that takes the data out of database error text before any handler writes it.

PostgreSQL puts whole rows and key values into its messages ("DETAIL: Failing row contains (...)",
"Key (nhs_number)=(...) already exists"), and Django's query log carries each query's parameters:
in a children's record those are names, NHS numbers and UPNs. What is kept (the kind of error, the
constraint, table and column names, the traceback's code lines) is enough to find the fault.

Installed on the root and django loggers and on every handler in settings.LOGGING: a logger's filter
sees only what is logged to that very logger, so records propagating from a child logger
(django.request, say) are caught by the handlers' copy."""

import logging
import re
import traceback

REDACTED = "[redacted]"

# Where a database message's own text ends inside a formatted traceback.
_END = r"(?=\n\s*\n(?:The above exception|During handling)|\nTraceback \(most recent|\Z)"

_RULES = [
    # PostgreSQL's detail lines ("DETAIL:  Failing row contains (...)", "DETAIL:  Key (x)=(y) ...") run
    # to the end of the message: a row's text values may themselves hold line breaks.
    (re.compile(r"^(\s*(?:DETAIL|CONTEXT|HINT|LINE \d+):).*?" + _END, re.MULTILINE | re.DOTALL), rf"\1 {REDACTED}"),
    (re.compile(r"(Failing row contains).*?" + _END, re.DOTALL), rf"\1 {REDACTED}"),
    (re.compile(r"(Key \([^)]*\))=\(.*?" + _END, re.DOTALL), rf"\1={REDACTED}"),
    # "invalid input syntax for type date: "...""; "invalid input value for enum x: "..."".
    (re.compile(r'(invalid input (?:syntax|value) for [^:\n]*: )".*?"'), rf"\1{REDACTED}"),
]
# Django's query log: last_executed_query inlines the parameters as quoted values, then lists them.
_SQL_RULES = [
    (re.compile(r"'(?:[^']|'')*'"), f"'{REDACTED}'"),
    (re.compile(r"(\bargs=).*?(?=; alias=|$)", re.MULTILINE), rf"\1{REDACTED}"),
]


def redact(text: str, *, sql: bool = False) -> str:
    for pattern, replacement in _RULES + (_SQL_RULES if sql else []):
        text = pattern.sub(replacement, text)
    return text


class RedactDatabaseErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is still logged, as logging itself would
            message = str(record.msg)
        queries = record.name.startswith("django.db.backends")
        record.msg, record.args = redact(message, sql=queries), None
        if record.exc_info:
            # Written out and redacted now; handlers print exc_text when it is set.
            record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if queries:  # the query log also puts the query and its values on the record itself
            if hasattr(record, "sql"):
                record.sql = redact(str(record.sql), sql=True)
            if hasattr(record, "params"):
                record.params = REDACTED
        return True
