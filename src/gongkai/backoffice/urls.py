from django.contrib.auth import views as auth_views
from django.urls import path

from gongkai.backoffice import (
    views,
    views_applications,
    views_auth,
    views_complaints,
    views_credit,
    views_oversight,
    views_reports,
    views_transactions,
)
from gongkai.core.access import Access

app_name = "backoffice"

urlpatterns = [
    path("login/", views_auth.StaffLoginView.as_view(), name="login"),
    path("login/verify/", views_auth.login_verify, name="login-verify"),
    path("security/", views_auth.security, name="security"),
    path("security/recovery-codes/", views_auth.recovery_codes, name="security-recovery-codes"),
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
    path("applications/export.<str:fmt>", views_applications.application_export, name="application-export"),
    path("applications/letters/", views_applications.letter_templates, name="application-letters"),
    path(
        "applications/<int:pk>/letter/<str:which>.docx",
        views_applications.application_letter_docx,
        name="application-letter-docx",
    ),
    path(
        "applications/<int:pk>/letter/<str:which>/",
        views_applications.application_letter,
        name="application-letter",
    ),
    path("applications/<int:pk>/", views_applications.application_detail, name="application"),
    path(
        "applications/<int:pk>/id-number/",
        views_applications.application_id_number,
        name="application-id-number",
    ),
    path("applications/<int:pk>/<str:action>/", views_applications.application_act, name="application-act"),
    path("reports/", views_reports.report_list, name="report-list"),
    path("reports/start/", views_reports.report_start, name="report-start"),
    path("reports/<int:pk>/", views_reports.report_detail, name="report"),
    path("reports/<int:pk>/export.<str:fmt>", views_reports.report_export, name="report-export"),
    path("reports/<int:pk>/<str:action>/", views_reports.report_act, name="report-act"),
    path("complaints/", views_complaints.complaint_list, name="complaint-list"),
    path("complaints/<int:pk>/", views_complaints.complaint_detail, name="complaint"),
    path("complaints/<int:pk>/<str:action>/", views_complaints.complaint_act, name="complaint-act"),
    path("complaints/org/<int:pk>/", views_complaints.organization_complaint, name="complaint-organization"),
    path(
        "complaints/org/<int:pk>/<str:action>/",
        views_complaints.organization_act,
        name="complaint-organization-act",
    ),
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
    path("oversight/", views_oversight.dashboard, name="oversight"),
    path("oversight/figures/<str:code>/", views_oversight.drilldown, name="oversight-figure"),
    path("oversight/export.xlsx", views_oversight.export, name="oversight-export"),
    path("oversight/scores/", views_oversight.scores, name="oversight-scores"),
    path("oversight/findings/", views_oversight.findings, name="oversight-findings"),
    path("oversight/findings/<int:pk>/", views_oversight.finding_detail, name="oversight-finding"),
    path(
        "oversight/findings/<int:pk>/<str:action>/", views_oversight.finding_act, name="oversight-finding-act"
    ),
]

# Who may reach each URL (core/access.py; tests/core/test_url_access.py walks them): everything but signing in is
# for signed-in staff, who see only their organizations' records (inspection findings: the supervisor and the
# organization inspected); the monitoring pages for supervisors.
_STAFF = (
    "dashboard", "search", "choose-item", "create", "disclosure", "edit", "mask", "correct", "decide", "act",
    "transaction-list", "transaction-create", "transaction", "transaction-attach", "transaction-detach",
    "application-list", "application-deadlines", "application-register", "application-export",
    "application-letters", "application-letter-docx", "application-letter", "application", "application-id-number",
    "application-act", "report-list", "report-start", "report", "report-export", "report-act", "complaint-list",
    "complaint", "complaint-act", "complaint-organization", "complaint-organization-act", "credit",
    "credit-entity-lookup", "credit-entity-edit", "credit-entity", "credit-record-create", "credit-record",
    "credit-record-act", "credit-entry-create", "credit-entry", "credit-entry-edit", "credit-entry-act",
    "credit-repair", "credit-repair-decide", "oversight-findings", "oversight-finding", "oversight-finding-act",
)  # fmt: skip
_SUPERVISION = ("oversight", "oversight-figure", "oversight-export", "oversight-scores")
ACCESS = {
    "login": Access.PUBLIC,
    "login-verify": Access.PUBLIC,  # the second step of signing in: it asks for the code of the password's user
    "logout": Access.PUBLIC,
    "security": Access.STAFF,
    "security-recovery-codes": Access.STAFF,
    **dict.fromkeys(_STAFF, Access.STAFF),
    **dict.fromkeys(_SUPERVISION, Access.SUPERVISION),
}
