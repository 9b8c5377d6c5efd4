"""`gongkai backup [--output DIR]`: the database, the uploaded files and a manifest (ops/backup.py)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "备份数据库（SQLite 在线备份 / PostgreSQL pg_dump）、上传文件和清单（各表行数、校验和）"

    def add_arguments(self, parser):
        parser.add_argument("--output", help="备份目录（默认 GONGKAI_BACKUP_DIR/gongkai-时间）")

    def handle(self, *args, output, **opts):
        from gongkai.ops.backup import BackupError, create_backup

        try:
            target, manifest = create_backup(Path(output) if output else None)
        except BackupError as exc:
            raise CommandError(exc.message) from exc
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"备份完成：{target}（{len(manifest['tables'])} 张表 {rows} 行，"
            f"审计日志至第 {(manifest['audit_head'] or {}).get('seq', 0)} 条，上传文件 {len(manifest['media'])} 个）"
        )
