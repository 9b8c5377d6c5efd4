from django.urls import path

from gongkai.core.access import Access
from gongkai.ops import views

app_name = "ops"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("staff/alerts/<int:pk>/resolve/", views.alert_resolve, name="alert-resolve"),
]

# Who may reach each URL (core/access.py; tests/core/test_url_access.py walks them): the health checks are for load
# balancers (no account, nothing private in them); resolving an alert needs a signed-in administrator (404 to others).
ACCESS = {"healthz": Access.PUBLIC, "readyz": Access.PUBLIC, "alert-resolve": Access.STAFF}
