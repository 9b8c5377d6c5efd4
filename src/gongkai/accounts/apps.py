from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    default = True  # this module also holds GongkaiAdminConfig
    name = "gongkai.accounts"
    verbose_name = "账户安全"

    def ready(self) -> None:
        from gongkai.accounts import signals  # noqa: F401 - connects the lockout audit receiver


class GongkaiAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with a site that only administrators may enter (accounts.admin_site)."""

    default = False
    default_site = "gongkai.accounts.admin_site.GongkaiAdminSite"
