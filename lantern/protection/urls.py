app_name = "protection"

urlpatterns: list = []
