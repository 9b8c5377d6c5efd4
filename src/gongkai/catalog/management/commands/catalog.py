from django.core.management.base import BaseCommand, CommandError

from gongkai.catalog.services import check_files, jurisdiction_files, load_files
from gongkai.core.errors import DataFileError

STATUS = {"created": "已载入", "updated": "已更新", "unchanged": "无变化", None: "无目录"}


class Command(BaseCommand):
    help = "公开目录：check 检查、load 载入行政区域文件（不指定文件时为 data/jurisdictions/ 下全部）"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["check", "load"])
        parser.add_argument("files", nargs="*")

    def handle(self, *args, action, files, **opts):
        paths = files or jurisdiction_files()
        try:
            if action == "check":
                for pf in check_files(paths):
                    self.stdout.write(
                        f"{pf.path}: {pf.jurisdiction['name']}（{pf.code}），{pf.item_count} 个事项，格式正确"
                    )
                return
            for r in load_files(paths):
                self.stdout.write(
                    f"{r.path}: {r.name}（{r.code}）行政区域{STATUS[r.jurisdiction]}，目录{STATUS[r.catalog]}，{r.items} 个事项"
                )
        except DataFileError as exc:
            raise CommandError("文件有误，未载入任何内容：\n" + exc.render()) from exc
