from django.urls import path

from gongkai.ops import views

app_name = "ops"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("staff/alerts/<int:pk>/resolve/", views.alert_resolve, name="alert-resolve"),
]
