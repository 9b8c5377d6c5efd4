from django.apps import AppConfig


class CreditConfig(AppConfig):
    name = "gongkai.credit"
    verbose_name = "市场主体信用"

    def ready(self) -> None:
        from gongkai.credit.receivers import on_disclosure_changed
        from gongkai.disclosures.signals import disclosure_changed

        disclosure_changed.connect(on_disclosure_changed, dispatch_uid="credit.sync_party_mentions")
