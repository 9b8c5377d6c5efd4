from django.contrib import admin

from gongkai.workdays.models import HolidayYear, SpecialDay


class SpecialDayInline(admin.TabularInline):
    model = SpecialDay
    extra = 0


@admin.register(HolidayYear)
class HolidayYearAdmin(admin.ModelAdmin):
    list_display = ["year", "source_doc_no", "source_title", "loaded_at"]
    inlines = [SpecialDayInline]
