from django.apps import AppConfig


class AuditLogConfig(AppConfig):
    name = "lantern.audit_log"
    label = "audit_log"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from . import signals  # noqa: F401
