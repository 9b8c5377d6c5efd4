from django.contrib import admin

from gongkai.orgs.models import Membership, Organization


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "uscc", "kind", "jurisdiction", "is_supervisor", "active"]
    list_filter = ["kind", "jurisdiction", "is_supervisor"]
    search_fields = ["name", "uscc"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role"]
    list_filter = ["role", "organization__jurisdiction"]
