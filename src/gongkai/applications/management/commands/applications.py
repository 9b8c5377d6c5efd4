from django.core.management.base import BaseCommand

from gongkai.applications import services


class Command(BaseCommand):
    help = "依申请公开：remind 提醒承办人即将到期和已逾期的申请，并办结逾期不补正、逾期未缴费的申请"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        remind = sub.add_parser(
            "remind",
            help="向承办人发送提醒（每件申请每天每类至多一次，可重复运行），并办结逾期不补正、逾期未缴费的申请",
        )
        remind.add_argument("--within", type=int, default=3, help="提醒多少个工作日内到期的申请（默认 3）")

    def handle(self, *args, action, **opts):
        counts = services.send_reminders(within=opts["within"])
        self.stdout.write(
            f"即将到期提醒 {counts['due_soon']} 件，逾期提醒 {counts['overdue']} 件；"
            f"办结逾期不补正 {counts['closed_uncorrected']} 件，逾期未缴费 {counts['closed_unpaid']} 件"
        )
