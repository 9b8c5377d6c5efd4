from django.contrib import admin
from django.urls import include, path

from gongkai.exchange.api import api

handler400 = "gongkai.portal.views.bad_request"
handler404 = "gongkai.portal.views.page_not_found"
handler500 = "gongkai.portal.views.server_error"

urlpatterns = [
    path("", include("gongkai.ops.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("staff/", include("gongkai.backoffice.urls")),
    path("", include("gongkai.subscriptions.urls")),
    path("", include("gongkai.portal.urls")),
]
