"""The search parameters of feeds and subscriptions: see gongkai.search.params (shared with the search page)."""

from gongkai.search.params import clean_params, default_name, describe, querystring, search_query

__all__ = ["clean_params", "default_name", "describe", "querystring", "search_query"]
