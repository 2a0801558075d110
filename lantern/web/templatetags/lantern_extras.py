from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def split(text: str, separator: str = " "):
    return text.split(separator)


@register.filter
def audit_label(object_type: str) -> str:
    """The access log's words for a kind of record (lantern/audit_log/types.py)."""
    from lantern.audit_log.types import label_of

    return label_of(object_type)
