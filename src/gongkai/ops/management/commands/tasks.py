"""`gongkai tasks reap` requeues or fails tasks whose worker died; `gongkai tasks status` shows the queue."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class Command(BaseCommand):
    help = "后台任务：reap 回收执行进程已中断的任务（重新排队或标记失败并告警），status 查看队列"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        p = sub.add_parser("reap", help="回收运行超时的任务")
        p.add_argument("--timeout", type=int, help="运行超过多少秒视为中断（默认 TASK_RUNNING_TIMEOUT）")
        p.add_argument("--attempts", type=int, help="最多领取次数（默认 TASK_MAX_ATTEMPTS）")
        sub.add_parser("status", help="待执行、执行中、失败的任务数")

    def handle(self, *args, action, **opts):
        if action == "status":
            return self._status()
        from gongkai.ops.reaper import reap_stale_tasks

        timeout = opts.get("timeout")
        if timeout is not None and timeout < 0:
            raise CommandError("--timeout 不能为负数")
        report = reap_stale_tasks(
            timeout=dt.timedelta(seconds=timeout) if timeout is not None else None,
            attempts=opts.get("attempts"),
        )
        self.stdout.write(f"重新排队 {len(report.requeued)} 个，标记失败 {len(report.failed)} 个")
        return None

    def _status(self) -> None:
        from gongkai.ops.health import task_backlog

        b = task_backlog()
        oldest = f"{b['oldest_ready_age']:.0f} 秒" if b["oldest_ready_age"] is not None else "无"
        self.stdout.write(
            f"待执行 {b['ready']} 个（最早的已等待 {oldest}），执行中 {b['running']} 个，"
            f"运行超时 {b['stale_running']} 个，失败 {b['failed']} 个"
        )
        self.stdout.write(f"检查时间：{timezone.localtime():%Y-%m-%d %H:%M:%S}")
