from django.urls import path

from .views import episodes, transfers

app_name = "referrals"

urlpatterns = [
    path("children/<int:pk>/referrals/new/", episodes.referral_create, name="referral_create"),
    path("children/<int:pk>/episodes/<int:episode_id>/", episodes.episode_detail, name="episode_detail"),
    path("children/<int:pk>/episodes/<int:episode_id>/transfer/", transfers.transfer_create, name="transfer_create"),
    path("children/<int:pk>/transfers/<int:transfer_id>/", transfers.transfer_decide_page, name="transfer_decide"),
]
