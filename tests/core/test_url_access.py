"""Every URL pattern declares who may reach it, and behaves so: the style guide's "Deny by default; a test walks
every URL and fails if one lacks a declared permission".

Declarations: `ACCESS` in each urls module (core/access.py), django-ninja's `auth=` for the API (everything under
/api/client/ needs a token, nothing else does), Django's admin for /admin/. The walk resolves every pattern of the
project's resolver with values of its converters and checks: anonymous → the login page (staff), 401 (API
token), the admin login (admin), never refused on public pages; each role (publisher, reviewer — who also
approves —, application handler, supervisor, administrator) of another jurisdiction → 404 or 403 on Lu'an's
records, and Lu'an's records absent from their lists.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from gongkai.catalog.models import Jurisdiction
from gongkai.core.access import Access
from gongkai.exchange.api import api
from gongkai.exchange.tokens import issue_token
from gongkai.orgs.models import Role
from gongkai.oversight.models import Finding
from tests.disclosures.fixtures import item, member
from tests.factories import OrganizationFactory, make_uscc

DECLARED_NAMESPACES = ("portal", "backoffice", "subscriptions", "ops")
LOGIN = "/staff/login/"
NOWHERE = 999_999_999  # a record that does not exist
REFUSED = {403, 404}


def _walk(patterns, namespace=None, module=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, p.namespace or namespace, p.urlconf_module)
        elif isinstance(p, URLPattern):
            yield namespace, module, p


def project_patterns():
    return list(_walk(get_resolver().url_patterns))


def test_every_url_declares_who_may_reach_it():
    undeclared, stale, seen = [], [], {}
    for namespace, module, pattern in project_patterns():
        if namespace in ("admin", "api"):
            continue  # declared by Django's admin site and by django-ninja's auth (below)
        assert namespace in DECLARED_NAMESPACES, f"URL outside a declared namespace: {pattern}"
        access = getattr(module, "ACCESS", {})
        seen.setdefault(namespace, (access, set()))[1].add(pattern.name)
        if not isinstance(access.get(pattern.name), Access):
            undeclared.append(f"{namespace}:{pattern.name}")
    for namespace, (access, names) in seen.items():
        stale += [f"{namespace}:{n}" for n in set(access) - names]
    assert undeclared == []
    assert stale == []
    for path, operation in api_operations():
        assert bool(operation.auth_callbacks) == path.startswith("/api/client/"), path


def api_operations() -> list[tuple[str, object]]:
    """(path, operation) of every operation of the JSON API, with the path as the OpenAPI schema writes it."""
    out = []
    for bound in api._get_bound_routers():
        for path, view in bound.path_operations.items():
            full = re.sub("/+", "/", "/api/" + "/".join(i for i in (bound.prefix, path) if i))
            out += [(full, op) for op in view.operations]
    assert len(out) > 30
    return out


# --- a world in Lu'an (341500) and the roles of another jurisdiction (Anxi 350524 under Quanzhou 350500) -------


@pytest.fixture
def luan_world(db, centre, supervisor_org, publisher, reviewer):
    from gongkai.complaints import services as complaint_services
    from gongkai.subscriptions import services as subscription_services
    from tests.complaints.conftest import complaint_data
    from tests.oversight.conftest import make_application, make_disclosure

    award = item("341500", "construction.award")
    w = SimpleNamespace(centre=centre, award=award)
    w.draft = make_disclosure(centre, award, title="六安草稿标记", user=publisher)
    w.draft.external_id = "luan-ext-1"
    w.draft.save(update_fields=["external_id"])
    w.application = make_application(centre, due_on=dt.date(2026, 4, 1))
    w.complaint, _code = complaint_services.submit_complaint(organization=centre, data=complaint_data())
    w.finding = Finding.objects.create(
        organization=centre, supervisor=supervisor_org, inspected_on=dt.date(2026, 3, 2), finding="六安检查发现标记",
        requirement="整改", rectify_by=dt.date(2026, 4, 1), recorded_by=member(supervisor_org, Role.SUPERVISOR, "sv-l"),
    )  # fmt: skip
    w.subscription = subscription_services.create_subscription(
        email="walk@example.com", params={"jurisdiction": "341500"}, name="六安订阅标记"
    )
    w.markers = [w.draft.title, w.application.registration_no, w.complaint.registration_no, w.finding.finding,
                 w.subscription.name]  # fmt: skip
    return w


@pytest.fixture
def other_roles(db):
    anxi = OrganizationFactory(name="安溪县财政局（走查）", kind="department",
                               jurisdiction=Jurisdiction.objects.get(code="350524"),
                               uscc=make_uscc("11", "350524", random.Random(41)))  # fmt: skip
    bureau = OrganizationFactory(name="泉州市监督局（走查）", kind="department", is_supervisor=True,
                                 jurisdiction=Jurisdiction.objects.get(code="350500"),
                                 uscc=make_uscc("11", "350500", random.Random(42)))  # fmt: skip
    return {
        "publisher": member(anxi, Role.PUBLISHER, "ax-publisher"),
        "reviewer": member(anxi, Role.REVIEWER, "ax-reviewer"),  # 保密审查 and 审批
        "handler": member(anxi, Role.HANDLER, "ax-handler"),
        "supervisor": member(bureau, Role.SUPERVISOR, "qz-supervisor"),
        "administrator": member(anxi, Role.ADMINISTRATOR, "ax-admin"),
        "_org": anxi,
    }


def kwargs_for(namespace: str, pattern: URLPattern, w) -> dict | None:
    """Values for the pattern's converters, naming Lu'an's records where the pattern takes one."""
    name, keys = pattern.name, set(pattern.pattern.converters)
    if not keys:
        return {}
    record = {}
    if namespace == "backoffice":
        if name in ("disclosure", "edit", "mask", "correct", "decide", "act"):
            record["pk"] = w.draft.pk
        elif name.startswith("application"):
            record["pk"] = w.application.pk
        elif name.startswith("complaint"):
            record["pk"] = w.complaint.pk
        elif name.startswith("oversight-finding"):
            record["pk"] = w.finding.pk
        elif name == "create":
            record = {"org_id": w.centre.pk, "item_id": w.award.pk}
    values = {"int": NOWHERE, "str": "x", "path": "x", "slug": "x"}
    kwargs = {}
    for key, converter in pattern.pattern.converters.items():
        kind = type(converter).__name__.replace("Converter", "").lower()
        kwargs[key] = record.get(key, values.get(kind, "x"))
    if "fmt" in kwargs:
        kwargs["fmt"] = "xlsx"
    if "action" in kwargs:
        kwargs["action"] = "submit"
    if "which" in kwargs:
        kwargs["which"] = "reply"
    if "code" in kwargs and name == "oversight-figure":
        kwargs["code"] = "overdue"
    return kwargs


def declared_urls(w):
    for namespace, module, pattern in project_patterns():
        if namespace not in DECLARED_NAMESPACES:
            continue
        kwargs = kwargs_for(namespace, pattern, w)
        yield (
            module.ACCESS[pattern.name],
            pattern,
            reverse(f"{namespace}:{pattern.name}", kwargs=kwargs),
            kwargs,
        )


def test_anonymous_is_sent_to_the_login_page_and_public_pages_are_open(client, luan_world):
    for access, pattern, url, _kwargs in declared_urls(luan_world):
        for method in ("get", "post"):
            r = getattr(client, method)(url)
            assert r.status_code < 500, (method, url, r.status_code)
            if access is Access.PUBLIC:
                assert r.status_code not in (401, 403), (method, url)
                # logout and the second sign-in step (with no password given yet) send one back to the login page
                assert not r.get("Location", "").startswith(LOGIN) or pattern.name in (
                    "logout",
                    "login-verify",
                ), (
                    method,
                    url,
                )
            else:
                assert r.status_code == 302, (method, url, r.status_code)
                assert r["Location"].startswith(LOGIN), (method, url)


def test_anonymous_gets_401_from_the_token_api_and_the_admin_login(client):
    for path, operation in api_operations():
        if not operation.auth_callbacks:
            continue
        url = (
            path.replace("{pk}", "1")
            .replace("{cid}", "1")
            .replace("{rid}", "1")
            .replace("{external_id}", "x")
        )
        for method in operation.methods:
            r = client.generic(method, url, "{}", content_type="application/json")
            assert r.status_code == 401, (method, url, r.status_code)
            assert r.json()["code"] == "unauthorized"
    models = [f"admin:{m._meta.app_label}_{m._meta.model_name}_changelist" for m in admin.site._registry]
    for name in ["admin:index", *models]:
        r = client.get(reverse(name))
        assert r.status_code == 302, name
        assert r["Location"].startswith(reverse("admin:login")), name


@pytest.mark.parametrize("role", ["publisher", "reviewer", "handler", "supervisor", "administrator"])
def test_roles_of_another_jurisdiction_never_reach_luan_records(client, luan_world, other_roles, role):
    client.force_login(other_roles[role])
    w, leaks = luan_world, []
    records = (w.draft.pk, w.application.pk, w.complaint.pk, w.finding.pk, NOWHERE, "x")
    for access, _pattern, url, kwargs in declared_urls(w):
        if access is Access.PUBLIC:
            continue
        if kwargs and any(v in records for v in kwargs.values()):
            for method, allowed in (("get", {405, *REFUSED}), ("post", REFUSED)):  # 405: POST-only views
                r = getattr(client, method)(url)
                if r.status_code not in allowed:
                    leaks.append((method, url, r.status_code))
        else:  # a list, a form or an export: refused, or without any of Lu'an's records
            r = client.get(url)
            if r.status_code not in {200, 400, 405, *REFUSED}:
                leaks.append(("get", url, r.status_code))
            body = (
                r.content.decode("utf-8", "replace") if r.get("Content-Type", "").startswith("text") else ""
            )
            leaks += [("get", url, marker) for marker in w.markers if marker in body]
    assert leaks == [], role


def test_tokens_of_another_jurisdiction_never_reach_luan_records(client, luan_world, other_roles):
    admin_user = other_roles["administrator"]
    _t, value = issue_token(actor=admin_user, organization=other_roles["_org"], name="walk",
                            scopes=["disclosures:read", "disclosures:write", "applications:read",
                                    "applications:write"])  # fmt: skip
    auth = {"HTTP_AUTHORIZATION": f"Bearer {value}"}
    w = luan_world
    for path, operation in api_operations():
        if not operation.auth_callbacks or "{" not in path:
            continue
        url = (path.replace("{pk}", str(w.application.pk)).replace("{external_id}", w.draft.external_id)
               .replace("{cid}", "1").replace("{rid}", "1"))  # fmt: skip
        for method in operation.methods:
            r = client.generic(method, url, "{}", content_type="application/json", **auth)
            # 404 for Lu'an's records; 422 only where the body is checked before the record is looked up
            assert r.status_code in {404, 422}, (method, url, r.status_code)
            assert not any(m in r.content.decode() for m in w.markers), (method, url)
    ledger = client.get("/api/client/applications", **auth).json()
    assert w.application.registration_no not in str(ledger)
