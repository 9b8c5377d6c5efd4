from django.apps import AppConfig


class SchedulerConfig(AppConfig):
    name = "gongkai.scheduler"
    verbose_name = "定时任务"
