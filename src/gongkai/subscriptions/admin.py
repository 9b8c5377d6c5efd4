"""Subscriptions and deliveries in the admin: read-only lists; the actions call the services."""

from django.contrib import admin, messages
from django.db import models

from gongkai.core.errors import DomainError
from gongkai.subscriptions import services
from gongkai.subscriptions.models import Delivery, Subscription


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Subscription)
class SubscriptionAdmin(ReadOnlyAdmin):
    list_display = [
        "pk",
        "name",
        "email",
        "send_email",
        "webhook_url",
        "confirmed_at",
        "active",
        "last_checked_at",
    ]
    list_filter = ["active", "send_email", ("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "email", "webhook_url"]
    exclude = ["webhook_secret"]
    formfield_overrides = {
        models.URLField: {"assume_scheme": "https"}
    }  # Django 6's default, without the warning
    actions = ["confirm", "stop", "resend_confirmation"]

    @admin.action(description="确认所选订阅（工作人员代为确认）", permissions=["view"])
    def confirm(self, request, queryset):
        for sub in queryset:
            try:
                services.confirm_subscription(subscription=sub, actor=request.user)
            except DomainError as exc:
                self.message_user(request, f"{sub}：{exc.message}", messages.ERROR)

    @admin.action(description="退订所选订阅", permissions=["view"])
    def stop(self, request, queryset):
        for sub in queryset:
            services.unsubscribe(subscription=sub, actor=request.user)

    @admin.action(description="重新发送确认邮件", permissions=["view"])
    def resend_confirmation(self, request, queryset):
        from gongkai.subscriptions.tasks import send_confirmation_task

        for sub in queryset.filter(confirmed_at__isnull=True, active=True):
            send_confirmation_task.enqueue(sub.pk)


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ["pk", "subscription", "disclosure", "channel", "state", "attempts", "next_attempt_at",
                    "sent_at", "last_error"]  # fmt: skip
    list_filter = ["state", "channel"]
    list_select_related = ["subscription", "disclosure"]
    search_fields = ["subscription__name", "subscription__email", "disclosure__title"]
    actions = ["retry"]

    @admin.action(description="重试所选失败的推送（各一次）", permissions=["view"])
    def retry(self, request, queryset):
        n = services.retry_failed(
            actor=request.user, delivery_ids=list(queryset.values_list("pk", flat=True))
        )
        self.message_user(request, f"已安排重试 {n} 条推送")
