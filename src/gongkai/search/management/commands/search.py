from django.core.management.base import BaseCommand, CommandError

from gongkai.search import services


class Command(BaseCommand):
    help = "全文检索索引：rebuild 从数据库重建，process 处理待办（outbox），status 查看状态"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "process", "status"])
        parser.add_argument("--batch", type=int, default=2000, help="rebuild 每批读取的记录数")

    def handle(self, *args, action, batch, **opts):
        if action == "rebuild":
            return self._rebuild(batch)
        if action == "process":
            outcome = services.drain_outbox(wait=services.API_WAIT, prune=True)
            if outcome.busy:
                raise CommandError("索引正被其他进程写入，待办保留，请稍后再试")
            self.stdout.write(f"已处理 {outcome.processed} 条待办")
            return None
        return self._status()

    def _rebuild(self, batch: int) -> None:
        last = [0.0]

        def progress(n: int, elapsed: float) -> None:
            if elapsed - last[0] >= 2 or n % (batch * 10) == 0:
                last[0] = elapsed
                self.stdout.write(f"  {n} 条，{n / elapsed:.0f} 条/秒")

        try:
            import time

            started = time.perf_counter()
            n = services.rebuild(batch=batch, progress=progress)
            elapsed = time.perf_counter() - started
        except services.SearchUnavailable as exc:
            raise CommandError(exc.message) from exc
        rate = n / elapsed if elapsed else 0
        self.stdout.write(f"重建完成：{n} 条记录，用时 {elapsed:.1f} 秒（{rate:.0f} 条/秒）")

    def _status(self) -> None:
        s = services.status()
        self.stdout.write(f"索引目录：{s['path']}")
        self.stdout.write(f"索引版本：{s['schema_version'] or '无'}（当前程序：{s['expected_version']}）")
        self.stdout.write(
            f"索引记录：{s['documents'] if s['documents'] is not None else '—'}，分段 {s['segments'] or '—'}"
        )
        self.stdout.write(f"数据库公开记录：{s['public_records']}")
        oldest = f"，最早 {s['oldest_pending']:%Y-%m-%d %H:%M:%S}" if s["oldest_pending"] else ""
        self.stdout.write(f"待处理：{s['pending']}{oldest}")
        if s["problem"]:
            self.stdout.write(self.style.WARNING(s["problem"]))
