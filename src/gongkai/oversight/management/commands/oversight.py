import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gongkai.oversight import services


class Command(BaseCommand):
    help = (
        "监督检查：scan 在工作日计算监测指标快照并向信息发布员发送到期、逾期提醒（每条信息每类每天至多一次）"
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        scan = sub.add_parser("scan", help="计算本季度监测指标快照并发送提醒；非工作日跳过")
        scan.add_argument("--date", help="按该日期运行（YYYY-MM-DD，默认今天）")
        scan.add_argument("--force", action="store_true", help="非工作日也运行")
        scan.add_argument("--enqueue", action="store_true", help="交给后台任务（db_worker）执行")

    def handle(self, *args, action, **opts):
        try:
            day = dt.date.fromisoformat(opts["date"]) if opts.get("date") else timezone.localdate()
        except ValueError as exc:
            raise CommandError("日期格式应为 YYYY-MM-DD") from exc
        if opts.get("enqueue"):
            from gongkai.oversight.tasks import oversight_scan_task

            oversight_scan_task.enqueue(day.isoformat())
            self.stdout.write(f"已加入后台任务：{day:%Y-%m-%d} 监督扫描")
            return
        r = services.run_scan(day, force=opts.get("force", False))
        if r.skipped:
            self.stdout.write(f"{day:%Y-%m-%d} 不是工作日，未扫描（--force 可强制运行）")
        else:
            self.stdout.write(f"{day:%Y-%m-%d}：快照 {r.snapshots} 个，提醒 {r.reminders} 封")
