"""`gongkai audit verify` checks the hash chain; `gongkai audit show --object app.model:ID` lists entries."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gongkai.core.audit import verify_chain
from gongkai.core.models import AuditEntry


class Command(BaseCommand):
    help = "审计日志：verify 校验哈希链（有断点时退出码为 1），show 列出某对象的审计记录"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="逐条校验审计日志，报告第一个断点")
        p = sub.add_parser("show", help="列出审计记录")
        p.add_argument("--object", dest="object_ref", metavar="APP.MODEL:ID", help="如 orgs.organization:3")
        p.add_argument("--limit", type=int, default=100, help="最多列出多少条（最新的），默认 100")

    def handle(self, *args, action, **opts):
        if action == "verify":
            report = verify_chain()
            if not report.ok:
                raise CommandError(
                    f"审计日志校验失败：{report.reason}（断点：第 {report.first_broken_seq} 条；"
                    f"此前 {report.checked} 条完好）"
                )
            self.stdout.write(f"审计日志完整：共 {report.checked} 条")
            return
        entries = AuditEntry.objects.all()
        if opts["object_ref"]:
            object_type, sep, object_id = opts["object_ref"].partition(":")
            if not sep or "." not in object_type or not object_id:
                raise CommandError("--object 的格式是 app.model:ID，如 orgs.organization:3")
            entries = entries.filter(object_type=object_type.lower(), object_id=object_id)
        entries = list(entries.order_by("-seq")[: opts["limit"]])[::-1]
        if not entries:
            self.stdout.write("没有审计记录")
            return
        for e in entries:
            when = timezone.localtime(e.created_at).strftime("%Y-%m-%d %H:%M:%S")
            data = json.dumps(e.data, ensure_ascii=False, sort_keys=True)
            target = f"{e.object_type}:{e.object_id}" if e.object_type else "-"
            self.stdout.write(f"#{e.seq}\t{when}\t{e.actor_name or '系统'}\t{e.action}\t{target}\t{data}")
