"""Lifting a login lockout in the admin (登录失败记录 → 解除锁定) and resetting a lost second factor (用户 → 重置第二因素),
both audited. Labels of django-axes' screens are translated in locale/zh_Hans."""

from __future__ import annotations

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.accounts import services


class LockoutAdmin(AccessAttemptAdmin):
    actions = ["release"]

    @admin.action(description="解除锁定（记入审计日志）")
    def release(self, request, queryset) -> None:
        count = services.release_lockouts(actor=request.user, attempts=queryset)
        self.message_user(request, f"已解除 {count} 条锁定", messages.SUCCESS)

    def has_delete_permission(self, request, obj=None) -> bool:
        # Deleting a row would lift a lockout without an audit entry: the action above is the way.
        return False


admin.site.unregister(AccessAttempt)
admin.site.register(AccessAttempt, LockoutAdmin)


class StaffUserAdmin(UserAdmin):
    actions = ["reset_second_factor"]

    @admin.action(description="重置第二因素（丢失手机时；下次登录重新绑定，记入审计日志）")
    def reset_second_factor(self, request, queryset) -> None:
        for user in queryset:
            services.reset_second_factor(actor=request.user, user=user)
        self.message_user(request, f"已重置 {queryset.count()} 个账户的第二因素", messages.SUCCESS)


User = get_user_model()
admin.site.unregister(User)
admin.site.register(User, StaffUserAdmin)

# Devices are removed through the audited reset above, never edited or deleted row by row.
for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)
