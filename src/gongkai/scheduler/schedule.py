"""The schedule as data (data/schedule.yaml): which django-tasks task runs when. Read with line-numbered errors."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.module_loading import import_string

from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import line_of, read_yaml

DAYS = ("workdays", "every_day")
_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


@dataclass(frozen=True)
class Job:
    name: str
    task: str
    description: str
    days: str
    at: dt.time | None = None  # daily at this local time
    every: int | None = None  # or every N minutes

    def slot(self, now: dt.datetime) -> str | None:
        """The slot due at local time `now`, or None when nothing is due yet today (a daily job before its time)."""
        if self.at is not None:
            return now.date().isoformat() if now.time() >= self.at else None
        minute = (now.hour * 60 + now.minute) // self.every * self.every
        return f"{now.date().isoformat()}T{minute // 60:02d}:{minute % 60:02d}"

    @property
    def when(self) -> str:
        days = "工作日" if self.days == "workdays" else "每天"
        return f"{days} {self.at:%H:%M}" if self.at is not None else f"{days}每 {self.every} 分钟"


def schedule_path() -> Path:
    return Path(getattr(settings, "SCHEDULE_FILE", settings.DATA_DIR / "schedule.yaml"))


def read_schedule(path: str | Path | None = None) -> list[Job]:
    """Every job of the file, or a DataFileError listing every problem with its line."""
    doc = read_yaml(path or schedule_path())
    problems: list[tuple[int | None, str]] = []
    jobs: list[Job] = []
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise DataFileError(doc.path, [(1, "文件应含 jobs 列表")])
    seen: set[str] = set()
    for i, node in enumerate(data["jobs"]):
        line = line_of(data["jobs"], i)
        if not isinstance(node, dict):
            problems.append((line, "每个任务应为键值对"))
            continue
        name, task, days = str(node.get("name", "")), str(node.get("task", "")), str(node.get("days", ""))
        unknown = sorted(set(node) - {"name", "task", "description", "days", "at", "every"})
        if unknown:
            problems.append((line, f"未知字段：{'、'.join(unknown)}"))
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,79}", name):
            problems.append((line_of(node, "name") or line, f"任务名“{name}”无效（小写字母、数字和连字符）"))
        elif name in seen:
            problems.append((line_of(node, "name") or line, f"任务名“{name}”重复"))
        seen.add(name)
        try:
            if not hasattr(import_string(task), "enqueue"):
                problems.append((line_of(node, "task") or line, f"“{task}”不是后台任务（django-tasks）"))
        except ImportError:
            problems.append((line_of(node, "task") or line, f"找不到后台任务“{task}”"))
        if days not in DAYS:
            problems.append((line_of(node, "days") or line, f"days 应为 {' 或 '.join(DAYS)}"))
        at = every = None
        if ("at" in node) == ("every" in node):
            problems.append((line, "at（每日时间）和 every（间隔分钟）须二选一"))
        elif "at" in node:
            m = _TIME.fullmatch(str(node["at"]))
            if m is None:
                problems.append((line_of(node, "at") or line, f"时间“{node['at']}”应为 HH:MM"))
            else:
                at = dt.time(int(m[1]), int(m[2]))
        else:
            every = node["every"]
            if not isinstance(every, int) or isinstance(every, bool) or not 1 <= every <= 720:
                problems.append((line_of(node, "every") or line, "every 应为 1–720 之间的分钟数"))
                every = None
        if not problems:
            jobs.append(Job(name, task, str(node.get("description", "")), days, at, every))
    if problems:
        raise DataFileError(doc.path, problems)
    return jobs
