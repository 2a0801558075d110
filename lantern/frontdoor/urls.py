app_name = "frontdoor"

urlpatterns: list = []
