from django.contrib.auth import views as auth_views
from django.urls import path

from gongkai.backoffice import views, views_applications, views_credit, views_transactions

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
    path("transactions/", views_transactions.transaction_list, name="transaction-list"),
    path("transactions/new/", views_transactions.transaction_create, name="transaction-create"),
    path("transactions/<str:code>/", views_transactions.transaction_detail, name="transaction"),
    path("transactions/<str:code>/attach/", views_transactions.transaction_attach, name="transaction-attach"),
    path(
        "transactions/<str:code>/steps/<int:step_id>/detach/",
        views_transactions.transaction_detach,
        name="transaction-detach",
    ),
    path("applications/", views_applications.application_list, name="application-list"),
    path("applications/deadlines/", views_applications.application_deadlines, name="application-deadlines"),
    path("applications/new/", views_applications.application_register, name="application-register"),
    path("applications/<int:pk>/", views_applications.application_detail, name="application"),
    path("applications/<int:pk>/<str:action>/", views_applications.application_act, name="application-act"),
    path("credit/", views_credit.dashboard, name="credit"),
    path("credit/entities/", views_credit.entity_lookup, name="credit-entity-lookup"),
    path("credit/entities/edit/", views_credit.entity_edit, name="credit-entity-edit"),
    path("credit/entities/<str:uscc>/", views_credit.entity_detail, name="credit-entity"),
    path("credit/records/new/", views_credit.record_create, name="credit-record-create"),
    path("credit/records/<int:pk>/", views_credit.record_detail, name="credit-record"),
    path("credit/records/<int:pk>/<str:action>/", views_credit.record_act, name="credit-record-act"),
    path("credit/blacklist/new/", views_credit.entry_create, name="credit-entry-create"),
    path("credit/blacklist/<int:pk>/", views_credit.entry_detail, name="credit-entry"),
    path("credit/blacklist/<int:pk>/edit/", views_credit.entry_edit, name="credit-entry-edit"),
    path("credit/blacklist/<int:pk>/<str:action>/", views_credit.entry_act, name="credit-entry-act"),
    path("credit/repairs/<int:pk>/", views_credit.repair_detail, name="credit-repair"),
    path("credit/repairs/<int:pk>/decide/", views_credit.repair_decide, name="credit-repair-decide"),
]
