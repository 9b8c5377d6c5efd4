import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from gongkai.core.errors import DataFileError


class Command(BaseCommand):
    help = (
        "年度报告：remind 提醒即将到期或逾期未发布的年度报告；check-template 检查 data/reports/template.yaml"
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        p = sub.add_parser("remind", help="向信息发布员和管理员发送到期提醒（同一提醒只发一次，可重复执行）")
        p.add_argument("--today", help="按该日期判断（YYYY-MM-DD，默认今天）")
        p = sub.add_parser("check-template", help="检查年度报告模板文件，不写入任何内容")
        p.add_argument("file", nargs="?")

    def handle(self, *args, action, **opts):
        from gongkai.reports.template import read_template, template_path

        if action == "check-template":
            path = opts.get("file") or template_path()
            try:
                template = read_template(path)
            except DataFileError as exc:
                raise CommandError("年度报告模板文件有误：\n" + exc.render()) from exc
            self.stdout.write(
                f"{path}: {template.data['template']}，{len(template.sections)} 个部分，格式正确"
            )
            return
        from gongkai.reports.services import send_reminders

        today = None
        if opts.get("today"):
            try:
                today = dt.date.fromisoformat(opts["today"])
            except ValueError as exc:
                raise CommandError("--today 应为 YYYY-MM-DD 日期") from exc
        sent = send_reminders(today)
        overdue = sum(1 for r in sent if r.kind == "overdue")
        self.stdout.write(f"已发送提醒 {len(sent)} 条（其中逾期 {overdue} 条）")
