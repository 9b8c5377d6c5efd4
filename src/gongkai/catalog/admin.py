from django.contrib import admin

from gongkai.catalog.models import Catalog, CatalogItem, Domain, Jurisdiction, SourceDocument, Stage


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent"]
    search_fields = ["code", "name"]
    readonly_fields = ["file_sha256", "source_file"]


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


@admin.register(Domain)
class DomainAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "jurisdiction"]
    inlines = [StageInline]


class LoadedFromFileAdmin(admin.ModelAdmin):
    """Catalogs come from data files (versioned, checked): they are read here, changed with `gongkai catalog load`."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Catalog)
class CatalogAdmin(LoadedFromFileAdmin):
    list_display = ["jurisdiction", "version", "effective_from", "effective_to", "loaded_at"]


@admin.register(CatalogItem)
class CatalogItemAdmin(LoadedFromFileAdmin):
    list_display = ["key", "catalog", "domain", "category", "attribute"]
    list_filter = ["catalog__jurisdiction", "domain", "attribute"]
    search_fields = ["key", "category", "content"]


admin.site.register(SourceDocument)
