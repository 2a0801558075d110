from django.apps import AppConfig


class AuditLogConfig(AppConfig):
    name = "lantern.audit_log"
    label = "audit_log"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from . import signals  # noqa: F401
        from .sealing import sqlite_chain
        from .types import declare_all

        declare_all()

        def register_chain(sender, connection, **kwargs) -> None:
            if connection.vendor == "sqlite":
                connection.connection.create_function("lantern_chain", 5, sqlite_chain, deterministic=True)

        connection_created.connect(register_chain, weak=False, dispatch_uid="lantern_audit_chain")
