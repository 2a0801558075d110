from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    name = "lantern.synthetic"
    label = "synthetic"
    verbose_name = "Synthetic authority generator"
