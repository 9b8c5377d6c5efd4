from django.contrib import admin

from gongkai.transactions.models import Transaction, TransactionStep


class StepInline(admin.TabularInline):
    model = TransactionStep
    extra = 0
    fields = ("stage", "disclosure", "attached_by", "attached_at")
    readonly_fields = fields
    can_delete = False


@admin.register(Transaction)
class TransactionAdmin(admin.ModelAdmin):
    """Read-only: transactions are registered and changed through the services (audit log, codes)."""

    list_display = ("code", "title", "domain", "jurisdiction", "owner", "registered_on")
    list_filter = ("domain", "jurisdiction")
    search_fields = ("code", "title", "project_no", "project_code")
    inlines = [StepInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
