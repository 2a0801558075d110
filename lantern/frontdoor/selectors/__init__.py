"""Reads for the front door. Contacts are front door records: pages check who may read them
(front door staff, or the partner who sent one) before calling these."""
