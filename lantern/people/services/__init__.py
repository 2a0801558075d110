"""Writes to children's records. Other apps call these, never the models directly."""

from .children import allocation_change, child_create, child_update, refresh_name_keys
from .family import address_add, family_member_add, involvement_add, relationship_add

__all__ = [
    "address_add", "allocation_change", "child_create", "child_update",
    "family_member_add", "involvement_add", "refresh_name_keys", "relationship_add",
]
