from django.urls import path

from gongkai.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("jurisdictions/<str:code>/", views.jurisdiction_detail, name="jurisdiction-detail"),
    path("jurisdictions/<str:code>/catalog/", views.catalog_detail, name="catalog-detail"),
    path("workdays/", views.workday_calculator, name="workday-calculator"),
]
