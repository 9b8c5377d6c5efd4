from django.core.management import call_command
from django.core.management.base import BaseCommand

from gongkai.demo.services import load_demo


class Command(BaseCommand):
    help = "载入规则数据和演示数据（机构、演示账号），并列出演示账号"

    def handle(self, *args, **opts):
        call_command("setup", stdout=self.stdout)
        password, accounts = load_demo()
        self.stdout.write(f"\n演示账号（密码均为 {password}）：")
        for a in accounts:
            self.stdout.write(f"  {a.username:<20} {a.role:<10} {'、'.join(a.organizations)}")
