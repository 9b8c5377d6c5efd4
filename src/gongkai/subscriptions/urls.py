from django.urls import path

from gongkai.subscriptions import feeds, views

app_name = "subscriptions"

urlpatterns = [
    path("feeds/search.rss", feeds.SearchRssFeed(), name="feed-rss"),
    path("feeds/search.atom", feeds.SearchAtomFeed(), name="feed-atom"),
    path("subscriptions/new/", views.subscription_new, name="subscription-new"),
    path("subscriptions/confirm/<str:token>/", views.subscription_confirm, name="subscription-confirm"),
    path(
        "subscriptions/unsubscribe/<str:token>/",
        views.subscription_unsubscribe,
        name="subscription-unsubscribe",
    ),
    path("staff/subscriptions/", views.delivery_log, name="delivery-log"),
]
