import segno
from django.core.management.base import BaseCommand

from gongkai.demo import second_factor


class Command(BaseCommand):
    help = "演示账号的第二因素：为须使用第二因素的演示账号绑定演示身份验证器，或显示其当前验证码"

    def add_arguments(self, parser):
        parser.add_argument("--code", action="store_true", help="只显示演示身份验证器的当前验证码")
        parser.add_argument("--qr", action="store_true", help="在终端显示演示密钥的二维码，供手机扫描")

    def handle(self, *args, code: bool = False, qr: bool = False, **opts):
        if code:
            token, left = second_factor.current_code()
            self.stdout.write(f"{token}（{left} 秒内有效）")
            return
        if qr:
            segno.make(second_factor.config_url(), error="m").terminal(out=self.stdout, compact=True)
            return
        accounts = second_factor.give_demo_authenticators()
        self.stdout.write(
            f"\n第二因素：保密审查员和管理员（{len(accounts)} 个演示账号）登录时在密码之后还需输入验证码。\n"
            f"  在手机身份验证器中添加密钥 {second_factor.demo_secret()}（或扫描 `./gongkai demo_otp --qr` 显示的二维码），\n"
            f"  或在另一个终端运行 `./gongkai demo_otp --code` 取得当前验证码。其他演示账号可在“账户安全”中自行绑定。"
        )
