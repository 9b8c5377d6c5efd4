from django.urls import path

from gongkai.core.access import Access
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

# Who may reach each URL (core/access.py; tests/core/test_url_access.py walks them).
ACCESS = {
    "feed-rss": Access.PUBLIC,
    "feed-atom": Access.PUBLIC,
    "subscription-new": Access.PUBLIC,
    "subscription-confirm": Access.PUBLIC,  # the signed token in the link is the proof
    "subscription-unsubscribe": Access.PUBLIC,
    "delivery-log": Access.SUPERVISION,
}
