"""`gongkai restore DIR`: load a backup into the configured database and MEDIA_ROOT, then verify it."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "从备份恢复到当前配置的数据库和上传目录，并校验：各表行数与清单一致、审计日志完整、文件校验和一致"

    def add_arguments(self, parser):
        parser.add_argument("source", help="gongkai backup 写出的备份目录")
        parser.add_argument("--force", action="store_true", help="覆盖非空的数据库")
        parser.add_argument("--check", action="store_true", help="不恢复，只校验当前数据库是否与该备份一致")

    def handle(self, *args, source, force, check, **opts):
        from gongkai.core.audit import log_action
        from gongkai.ops.backup import BackupError, read_manifest, restore_backup, verify_restored

        try:
            if check:
                result = verify_restored(read_manifest(Path(source)))
            else:
                result = restore_backup(Path(source), force=force)
        except BackupError as exc:
            raise CommandError(exc.message) from exc
        if not result.ok:
            raise CommandError("恢复后的校验未通过：\n" + "\n".join(result.problems))
        if not check:
            log_action(action="ops.restored", data={"directory": Path(source).name, "rows": result.rows})
        self.stdout.write(
            f"校验通过：{result.tables} 张表 {result.rows} 行与清单一致，审计日志 {result.audit_entries} 条完整，"
            f"上传文件 {result.files} 个"
        )
