"""`gongkai opendata build [--scope CODE] [--force]` and `gongkai opendata list`."""

from django.core.management.base import BaseCommand

from gongkai.opendata import services
from gongkai.opendata.models import DataFile


class Command(BaseCommand):
    help = "开放数据文件：生成（只重建有变化的期间）或列出"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        build = sub.add_parser("build", help="生成开放数据文件（JSON Lines、CSV、.xlsx）")
        build.add_argument("--scope", action="append", help="行政区划代码（含下级），可多次；默认全部")
        build.add_argument("--force", action="store_true", help="即使没有变化也重建")
        sub.add_parser("list", help="列出已生成的文件及其 SHA-256")

    def handle(self, *args, action, **opts):
        if action == "build":
            results = services.build_all(force=opts["force"], only=opts.get("scope"))
            built = [r for r in results if r.built]
            for r in built:
                self.stdout.write(f"已生成 {r.scope} {r.period}：{r.rows} 条")
            self.stdout.write(f"共 {len(results)} 组，重建 {len(built)} 组，其余未变化")
        else:
            for f in DataFile.objects.all():
                self.stdout.write(f"{f.name}\t{f.rows}\t{f.size}\t{f.sha256}")
