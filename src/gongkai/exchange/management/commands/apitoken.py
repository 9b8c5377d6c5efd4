from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from gongkai.core.errors import DomainError
from gongkai.exchange.tokens import Scope, issue_token
from gongkai.orgs.models import Organization


class Command(BaseCommand):
    help = "签发接口令牌：gongkai apitoken ORG_USCC NAME [--scope disclosures:write ...] --by ADMIN_USERNAME"

    def add_arguments(self, parser):
        parser.add_argument("uscc")
        parser.add_argument("name")
        parser.add_argument("--scope", action="append", default=None, choices=[s.value for s in Scope])
        parser.add_argument("--by", required=True, help="签发人（管理员用户名）")

    def handle(self, *args, uscc, name, scope, by, **opts):
        org = Organization.objects.filter(uscc=uscc.upper()).first()
        if org is None:
            raise CommandError(f"没有统一社会信用代码为 {uscc} 的机构")
        actor = get_user_model().objects.filter(username=by).first()
        if actor is None:
            raise CommandError(f"没有用户 {by}")
        try:
            token, value = issue_token(
                actor=actor, organization=org, name=name, scopes=scope or [s.value for s in Scope]
            )
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            f"已为{org.name}签发令牌“{token.name}”（范围：{'、'.join(token.scopes)}）。令牌只显示这一次：\n{value}"
        )
