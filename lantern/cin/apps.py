from django.apps import AppConfig


class CinConfig(AppConfig):
    name = "lantern.cin"
    label = "cin"
    verbose_name = "Child in need plans, reviews and closure"
