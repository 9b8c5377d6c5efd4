from django.apps import AppConfig


class ChangesConfig(AppConfig):
    name = "gongkai.changes"
    verbose_name = "变更记录"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.changes import services
        from gongkai.core.signals import action_logged

        action_logged.connect(services.record_from_audit, dispatch_uid="changes.record_from_audit")
