from django.urls import path

from gongkai.core.access import Access
from gongkai.portal import (
    views,
    views_applications,
    views_complaints,
    views_credit,
    views_data,
    views_ocds,
    views_reports,
    views_search,
    views_transactions,
)

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("data/", views_data.data_index, name="data-index"),
    path("data/files/<path:name>", views_data.data_file, name="data-file"),
    path("jurisdictions/<str:code>/", views.jurisdiction_detail, name="jurisdiction-detail"),
    path("jurisdictions/<str:code>/catalog/", views.catalog_detail, name="catalog-detail"),
    path("workdays/", views.workday_calculator, name="workday-calculator"),
    path("search/", views_search.search_page, name="search"),
    path("disclosures/", views.disclosure_list, name="disclosure-list"),
    path("disclosures/<int:pk>/", views.disclosure_detail, name="disclosure"),
    path("disclosures/<int:pk>/qr.svg", views.disclosure_qr, name="disclosure-qr"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization"),
    path("disclosures/<int:pk>/v/<int:number>/", views.disclosure_version, name="disclosure-version"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
    path("transactions/", views_transactions.transaction_list, name="transaction-list"),
    path("ocds/", views_ocds.ocds_policy, name="ocds-policy"),
    path("transactions/<str:code>/", views_transactions.transaction_detail, name="transaction"),
    path("entities/", views_credit.entity_search, name="entity-search"),
    path("entities/<str:uscc>/", views_credit.entity_detail, name="entity"),
    path("blacklist/", views_credit.blacklist, name="blacklist"),
    path("applications/new/", views_applications.application_new, name="application-new"),
    path("applications/track/", views_applications.application_track, name="application-track"),
    path("applications/track/correct/", views_applications.application_correct, name="application-correct"),
    path("complaints/new/", views_complaints.complaint_new, name="complaint-new"),
    path("complaints/track/", views_complaints.complaint_track, name="complaint-track"),
    path("reports/", views_reports.report_list, name="report-list"),
    path("reports/<int:pk>/", views_reports.report_detail, name="report"),
    path("reports/<int:pk>/v/<int:number>/", views_reports.report_detail, name="report-version"),
    path("reports/<int:pk>/report.<str:fmt>", views_reports.report_export, name="report-export"),
]

# Who may reach each URL (core/access.py; tests/core/test_url_access.py walks them): the portal is public.
_PUBLIC = (
    "home", "jurisdiction-detail", "catalog-detail", "workday-calculator", "search", "disclosure-list", "disclosure",
    "disclosure-qr", "organization", "disclosure-version", "attachment", "transaction-list", "transaction",
    "entity-search", "entity", "blacklist", "application-new", "application-track", "application-correct",
    "complaint-new", "complaint-track", "report-list", "report", "report-version", "report-export",
    "data-index", "data-file", "ocds-policy",
)  # fmt: skip
ACCESS = dict.fromkeys(_PUBLIC, Access.PUBLIC)
