"""Credit information in the admin is read-only: every change goes through the services (and the audit log)."""

from django.contrib import admin

from gongkai.credit.models import (
    BlacklistEntry,
    CreditRecord,
    Entity,
    NameHistory,
    PartyMention,
    RepairRecord,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class NameHistoryInline(admin.TabularInline):
    model = NameHistory
    extra = 0
    fields = ["name", "used_until"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Entity)
class EntityAdmin(ReadOnlyAdmin):
    list_display = ["name", "uscc", "kind", "registration_authority", "established_on"]
    list_filter = ["kind"]
    search_fields = ["name", "uscc", "names__name"]
    inlines = [NameHistoryInline]


@admin.register(CreditRecord)
class CreditRecordAdmin(ReadOnlyAdmin):
    list_display = ["title", "entity", "kind", "severity_label", "decided_on", "publicity_until", "state"]
    list_filter = ["kind", "state", "severity"]
    search_fields = ["title", "entity__name", "entity__uscc", "doc_no"]


@admin.register(BlacklistEntry)
class BlacklistEntryAdmin(ReadOnlyAdmin):
    list_display = ["entity_name", "doc_no", "decided_by_name", "valid_from", "valid_to", "state"]
    list_filter = ["state", "reason_category", "publication_scope"]
    search_fields = ["entity_name", "entity__uscc", "doc_no"]


@admin.register(RepairRecord)
class RepairRecordAdmin(ReadOnlyAdmin):
    list_display = ["applicant", "entity", "applied_on", "state", "decided_on"]
    list_filter = ["state"]
    search_fields = ["applicant", "entity__name", "entity__uscc"]


@admin.register(PartyMention)
class PartyMentionAdmin(ReadOnlyAdmin):
    list_display = ["entity", "role", "disclosure", "field_key"]
    search_fields = ["entity__name", "entity__uscc"]
