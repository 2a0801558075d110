from django.apps import AppConfig


class ProtectionConfig(AppConfig):
    name = "lantern.protection"
    label = "protection"
    verbose_name = "Child protection: strategy discussions, enquiries, conferences and plans"
