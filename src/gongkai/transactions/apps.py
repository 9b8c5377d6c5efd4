from django.apps import AppConfig


class TransactionsConfig(AppConfig):
    name = "gongkai.transactions"
    verbose_name = "交易项目"
