from django.contrib.auth import views as auth_views
from django.urls import path

from gongkai.backoffice import views

app_name = "backoffice"

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="backoffice/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="portal:home"), name="logout"),
    path("", views.dashboard, name="dashboard"),
    path("search/", views.search, name="search"),
    path("new/", views.choose_item, name="choose-item"),
    path("new/<int:org_id>/<int:item_id>/", views.create, name="create"),
    path("d/<int:pk>/", views.detail, name="disclosure"),
    path("d/<int:pk>/edit/", views.edit, name="edit"),
    path("d/<int:pk>/mask/", views.mask, name="mask"),
    path("d/<int:pk>/correct/", views.correct, name="correct"),
    path("d/<int:pk>/corrections/<int:revision_id>/", views.decide, name="decide"),
    path("d/<int:pk>/<str:action>/", views.act, name="act"),
]
