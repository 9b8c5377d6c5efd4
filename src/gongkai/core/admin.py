from django.contrib import admin

from gongkai.core.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log is read here and written only by core.audit.log_action: no add, change or delete."""

    list_display = [
        "seq",
        "created_at",
        "actor_name",
        "action",
        "object_type",
        "object_id",
        "organization_id",
    ]
    list_filter = ["action", "object_type"]
    search_fields = ["=object_id", "action", "actor_name"]
    date_hierarchy = "created_at"
    ordering = ["-seq"]
    show_full_result_count = False  # counting a large log on every page is slow and tells nothing new
    actions = None

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
