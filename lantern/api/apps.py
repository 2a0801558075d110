from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "lantern.api"
    label = "lantern_api"
    verbose_name = "JSON API"
