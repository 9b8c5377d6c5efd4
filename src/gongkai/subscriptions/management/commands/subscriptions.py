from django.core.management.base import BaseCommand

from gongkai.subscriptions import services


class Command(BaseCommand):
    help = "订阅推送：scan 检查全部有效订阅的新匹配信息；deliver 发送全部到期（含待重试）的推送"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("scan", help="检查全部已确认的有效订阅（先更新搜索索引），为新匹配的信息建立推送")
        sub.add_parser("deliver", help="发送全部到期的推送（定时任务的兜底，也用于重试）")

    def handle(self, *args, action, **opts):
        if action == "scan":
            try:
                from gongkai.search.services import process_outbox
            except ModuleNotFoundError:
                self.stderr.write("搜索模块不可用，无法检查订阅")
                return
            process_outbox()
            created = services.scan_subscriptions()
            self.stdout.write(f"已检查全部有效订阅，新建推送 {created} 条")
        else:
            counts = services.deliver_due()
            self.stdout.write(
                f"已发送 {counts['sent']} 条，待重试 {counts['pending']} 条，失败 {counts['failed']} 条"
            )
