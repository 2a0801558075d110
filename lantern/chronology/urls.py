app_name = "chronology"

urlpatterns: list = []
