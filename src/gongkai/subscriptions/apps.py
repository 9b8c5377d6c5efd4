from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    name = "gongkai.subscriptions"
    verbose_name = "订阅与推送"

    def ready(self) -> None:
        from gongkai.disclosures.signals import disclosure_changed
        from gongkai.subscriptions.receivers import on_disclosure_changed

        disclosure_changed.connect(on_disclosure_changed, dispatch_uid="subscriptions.on_disclosure_changed")
