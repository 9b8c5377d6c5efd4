"""RSS 2.0 and Atom feeds of any search: the newest 50 matching records (sort by date)."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags

from gongkai.core.errors import DomainError
from gongkai.core.params import strip_control
from gongkai.disclosures.models import Disclosure
from gongkai.subscriptions.query import clean_params, describe, querystring, search_query
from gongkai.subscriptions.tokens import absolute

FEED_SIZE = 50
SEARCH_PAGE_FALLBACK = "/search/"


def _search_page_path() -> str:
    try:
        return reverse("portal:search")
    except NoReverseMatch:  # the public search page is not wired yet
        return SEARCH_PAGE_FALLBACK


def _xml_safe(value):
    if isinstance(value, str):
        return strip_control(value)
    if isinstance(value, list | tuple):
        return [_xml_safe(v) for v in value]
    return value


class _XmlSafe:
    """Drops the characters XML 1.0 cannot hold from every text of the feed and its items: one record with a
    control character pasted into its title would otherwise make every feed listing it fail."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*map(_xml_safe, args), **{k: _xml_safe(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs) -> None:
        super().add_item(*map(_xml_safe, args), **{k: _xml_safe(v) for k, v in kwargs.items()})


class SafeRssFeed(_XmlSafe, Rss201rev2Feed):
    pass


class SafeAtomFeed(_XmlSafe, Atom1Feed):
    pass


@dataclass(frozen=True)
class FeedQuery:
    params: dict
    path: str


@dataclass(frozen=True)
class FeedItem:
    hit: object
    published_at: dt.datetime
    updated_at: dt.datetime


def plain(snippet: str) -> str:
    """A highlighted snippet as text: no tags, entities decoded, whitespace folded."""
    return " ".join(html.unescape(strip_tags(snippet or "")).split())


def _start_of(day: dt.date | None, tz) -> dt.datetime:
    return dt.datetime.combine(day or timezone.localdate(), dt.time(), tzinfo=tz)


class SearchRssFeed(Feed):
    feed_type = SafeRssFeed
    language = "zh-hans"
    ttl = 30

    def get_object(self, request, *args, **kwargs) -> FeedQuery:
        return FeedQuery(clean_params(request.GET), request.path)

    def title(self, obj: FeedQuery) -> str:
        if obj.params.get("q"):
            return f"公开 · 搜索：{obj.params['q']}"
        rows = describe(obj.params)
        return "公开 · " + ("；".join(value for _label, value in rows) if rows else "最新公开信息")

    def link(self, obj: FeedQuery) -> str:
        qs = querystring(obj.params)
        return absolute(_search_page_path() + (f"?{qs}" if qs else ""))

    def feed_url(self, obj: FeedQuery) -> str:
        qs = querystring(obj.params)
        return absolute(obj.path + (f"?{qs}" if qs else ""))

    def description(self, obj: FeedQuery) -> str:
        rows = describe(obj.params)
        conditions = "；".join(f"{label}：{value}" for label, value in rows) or "全部"
        return f"公共资源配置领域政府信息公开——按发布时间最新的{FEED_SIZE}条（条件：{conditions}）"

    def items(self, obj: FeedQuery) -> list[FeedItem]:
        from gongkai.search.services import search

        hits = search(search_query(obj.params, sort="date", page=1, per_page=FEED_SIZE)).hits[:FEED_SIZE]
        rows = Disclosure.objects.filter(pk__in=[h.id for h in hits]).values_list(
            "pk", "published_at", "updated_at"
        )
        moments = {pk: (published, updated) for pk, published, updated in rows}
        tz = timezone.get_current_timezone()
        items = []
        for hit in hits:
            published, updated = moments.get(hit.id, (None, None))
            published = published or _start_of(hit.published_on, tz)
            items.append(FeedItem(hit, published, max(published, updated or published)))
        return items

    def item_title(self, item: FeedItem) -> str:
        return f"【已撤回】{item.hit.title}" if item.hit.withdrawn else item.hit.title

    def item_link(self, item: FeedItem) -> str:
        return absolute(item.hit.url)

    def item_guid(self, item: FeedItem) -> str:
        return absolute(item.hit.url)

    item_guid_is_permalink = True

    def item_description(self, item: FeedItem) -> str:
        return plain(item.hit.snippet)

    def item_pubdate(self, item: FeedItem) -> dt.datetime:
        return timezone.localtime(item.published_at)

    def item_updateddate(self, item: FeedItem) -> dt.datetime:
        return timezone.localtime(
            item.updated_at
        )  # Atom requires <updated>: corrections and withdrawals move it

    def item_author_name(self, item: FeedItem) -> str:
        return item.hit.organization

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except DomainError as exc:  # an invalid filter value, or the index unavailable
            return HttpResponse(exc.message, status=exc.status, content_type="text/plain; charset=utf-8")

    def item_categories(self, item: FeedItem) -> list[str]:
        return [c for c in (item.hit.domain, item.hit.jurisdiction) if c]


class SearchAtomFeed(SearchRssFeed):
    feed_type = SafeAtomFeed

    def subtitle(self, obj: FeedQuery) -> str:
        return self.description(obj)
