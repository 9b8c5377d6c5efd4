from django import template

register = template.Library()


@register.filter
def get(mapping, key):
    """mapping[key] in templates (None when missing)."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None
