from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "gongkai.search"
    verbose_name = "全文检索"

    def ready(self) -> None:
        from gongkai.disclosures.signals import disclosure_changed
        from gongkai.search.receivers import on_disclosure_changed

        disclosure_changed.connect(on_disclosure_changed, dispatch_uid="gongkai.search.outbox")
