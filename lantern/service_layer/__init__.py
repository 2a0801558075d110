"""The service layer's shared pieces: what every part's services and pages use to write a record.

- ``errors``: refusals gathered by field, under the names the API accepts, raised together;
- ``concurrency``: one stale-save check and its error (ADR 0005);
- ``pages``: the one way a page runs a service and shows its refusals on the form.

Transactions that keep refusals are ``lantern.audit_log.transactions.atomic``; the late-reason
question is ``lantern.obligations.late``; record shapes shared by parts are ``lantern.casework``."""
