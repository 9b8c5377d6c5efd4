import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from gongkai.core.errors import DataFileError
from gongkai.credit.rules import check_rules, rules_path


def _bounds(klass) -> str:
    low = "" if klass.min_months is None else f"最短{klass.min_months}个月"
    high = "不设上限" if klass.max_months is None else f"最长{klass.max_months}个月"
    return "、".join(x for x in (low, high) if x)


class Command(BaseCommand):
    help = "市场主体信用：check-rules 检查公示期限规则文件；expire 将公示期满的信用记录和有效期届满的名单标记为已到期"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        p = sub.add_parser(
            "check-rules", help="检查 data/credit/publicity.yaml（或指定文件），不写入任何内容"
        )
        p.add_argument("file", nargs="?")
        p = sub.add_parser("expire", help="标记到期的信用记录和名单（可重复执行）")
        p.add_argument("--today", help="按该日期判断（YYYY-MM-DD，默认今天）")

    def handle(self, *args, action, **opts):
        if action == "check-rules":
            path = opts.get("file") or rules_path()
            try:
                rules = check_rules(path)
            except DataFileError as exc:
                raise CommandError("公示期限规则文件有误：\n" + exc.render()) from exc
            self.stdout.write(
                f"{path}: {len(rules.kinds)} 类信用信息，{len(rules.schemes)} 套失信程度规则，格式正确"
            )
            for scheme in rules.schemes.values():
                classes = "；".join(f"{c.label} {_bounds(c)}" for c in scheme.classes.values())
                self.stdout.write(f"  {scheme.key}（{scheme.effective_from} 起）：{classes}")
            return
        from gongkai.credit.services import expire_due

        today = None
        if opts.get("today"):
            try:
                today = dt.date.fromisoformat(opts["today"])
            except ValueError as exc:
                raise CommandError("--today 应为 YYYY-MM-DD 日期") from exc
        records, entries = expire_due(today=today)
        self.stdout.write(f"公示期满的信用记录 {records} 条，有效期届满的名单 {entries} 条，已标记")
