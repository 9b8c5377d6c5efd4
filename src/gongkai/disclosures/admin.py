"""Disclosures in the admin are read-only: every change goes through the services (and the audit log)."""

from django.contrib import admin

from gongkai.disclosures.models import Attachment, Disclosure, Revision, SupervisorCopy


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RevisionInline(admin.TabularInline):
    model = Revision
    extra = 0
    fields = ["number", "status", "reason", "published_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Disclosure)
class DisclosureAdmin(ReadOnlyAdmin):
    list_display = ["title", "organization", "state", "index_no", "due_on", "published_on", "validity"]
    list_filter = ["state", "validity", "jurisdiction"]
    search_fields = ["title", "index_no", "doc_no"]
    inlines = [RevisionInline]


admin.site.register(Attachment, ReadOnlyAdmin)
admin.site.register(SupervisorCopy, ReadOnlyAdmin)
