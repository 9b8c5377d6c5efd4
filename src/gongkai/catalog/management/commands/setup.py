from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "载入规则数据：共享词表、全部年度节假日安排、全部行政区域及其目录（可重复执行，无变化时不改动）"

    def handle(self, *args, **opts):
        call_command("calendar", "load", stdout=self.stdout)
        call_command("catalog", "load", stdout=self.stdout)
