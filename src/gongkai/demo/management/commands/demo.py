from django.core.management import call_command
from django.core.management.base import BaseCommand

from gongkai.demo.disclosures import summary
from gongkai.demo.services import load_demo


class Command(BaseCommand):
    help = "载入规则数据和演示数据（机构、演示账号），并列出演示账号"

    def handle(self, *args, **opts):
        call_command("setup", stdout=self.stdout)
        password, accounts = load_demo()
        self.stdout.write(f"\n演示账号（密码均为 {password}）：")
        for a in accounts:
            self.stdout.write(f"  {a.username:<20} {a.role:<10} {'、'.join(a.organizations)}")
        c = summary()
        self.stdout.write(
            f"\n演示公开信息 {c['total']} 条：已发布 {c['published']} 条（其中更正 {c['corrected']} 条、逾期发布 {c['late']} 条），"
            f"已撤回 {c['withdrawn']} 条，失效或废止 {c['invalid']} 条，草稿 {c['draft']} 条，待审查 {c['submitted']} 条，"
            f"待审批 {c['reviewed']} 条，待发布 {c['approved']} 条，逾期未公开 {c['overdue']} 条，关联 {c['links']} 组"
            f"（各机构另有演示账号 <地区>-<机构类型>-publisher / -reviewer，密码同上）"
        )
