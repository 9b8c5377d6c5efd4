from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from gongkai.core.errors import DataFileError
from gongkai.workdays.calendar import get_calendar
from gongkai.workdays.services import load_holiday_file, parse_holiday_file

STATUS = {"created": "已载入", "updated": "已更新", "unchanged": "无变化"}


class Command(BaseCommand):
    help = "工作日历：check/load 节假日安排文件，list 已载入年度，add 计算期限"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        for name in ("check", "load"):
            p = sub.add_parser(name)
            p.add_argument("files", nargs="*", help="节假日文件；load 不指定时载入 data/holidays/ 下全部")
        sub.add_parser("list")
        p = sub.add_parser("add")
        p.add_argument("start")
        p.add_argument("days", type=int)

    def handle(self, *args, action, **opts):
        if action == "list":
            from gongkai.workdays.models import HolidayYear

            for y in HolidayYear.objects.all():
                self.stdout.write(f"{y.year}\t{y.source_doc_no}\t{y.source_title}")
            return
        if action == "add":
            import datetime as dt

            result = get_calendar().add_workdays(dt.date.fromisoformat(opts["start"]), opts["days"])
            self.stdout.write(f"{result.due}{'（暂定）' if result.provisional else ''}")
            return
        files = opts["files"] or sorted(Path(settings.DATA_DIR, "holidays").glob("*.yaml"))
        try:
            for path in files:
                if action == "check":
                    source, days, _sha = parse_holiday_file(path)
                    self.stdout.write(f"{path}: {source['year']}年，{len(days)} 个特殊日期，格式正确")
                else:
                    r = load_holiday_file(path)
                    self.stdout.write(
                        f"{path}: {r.year}年 {STATUS[r.status]}（放假 {r.holidays} 天，调休上班 {r.workdays} 天）"
                    )
        except DataFileError as exc:
            raise CommandError(exc.render()) from exc
