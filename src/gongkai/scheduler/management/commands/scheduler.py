"""`gongkai scheduler`: enqueue the jobs of data/schedule.yaml when they are due (run it beside `db_worker`)."""

from __future__ import annotations

import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gongkai.core.errors import DataFileError


class Command(BaseCommand):
    help = "按 data/schedule.yaml 定时提交后台任务（由 db_worker 执行）；同一时段只运行一次，可多处同时启动"

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="只检查一次（供 cron 调用），然后退出")
        parser.add_argument("--list", action="store_true", help="列出任务及最近一次运行，然后退出")
        parser.add_argument("--check", action="store_true", help="只检查计划文件，不运行")
        parser.add_argument("--interval", type=int, default=30, help="检查间隔秒数（默认 30）")
        parser.add_argument("--now", help="按该时间判断（YYYY-MM-DDTHH:MM，北京时间；测试用）")

    def handle(self, *args, once, list, check, interval, now, **opts):
        from gongkai.scheduler.schedule import read_schedule, schedule_path
        from gongkai.scheduler.services import last_runs, run_due

        try:
            jobs = read_schedule()
        except DataFileError as exc:
            raise CommandError("计划文件有误：\n" + exc.render()) from exc
        if check:
            self.stdout.write(f"{schedule_path()}: {len(jobs)} 个任务，格式正确")
            return
        if list:
            runs = last_runs(jobs)
            for job in jobs:
                run = runs[job.name]
                last = f"{timezone.localtime(run.claimed_at):%Y-%m-%d %H:%M}" if run else "从未运行"
                self.stdout.write(f"{job.name:<26} {job.when:<18} 最近：{last}  {job.description}")
            return
        at = None
        if now:
            try:
                at = timezone.make_aware(dt.datetime.fromisoformat(now))
            except ValueError as exc:
                raise CommandError("--now 应为 YYYY-MM-DDTHH:MM") from exc
        while True:
            for s in run_due(at, jobs):
                note = f"（失败：{s.run.error}）" if s.run.error else ""
                self.stdout.write(
                    f"{timezone.localtime():%Y-%m-%d %H:%M:%S} 已提交 {s.job.name} [{s.slot}]{note}"
                )
            if once or at is not None:
                return
            time.sleep(max(1, interval))
