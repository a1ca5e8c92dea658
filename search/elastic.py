"""Elasticsearch settings for Vietnamese (imported by the settings module, so
nothing here may touch Django models)."""

# Every text field and every query goes through "default": the standard
# tokenizer, then lower case, then ASCII folding that keeps the original token
# too ("đảng" is indexed as "đảng" and "dang"), so a query with or without
# marks finds it. The ngram analyzers Wagtail uses for autocomplete get the
# same folding.
VIETNAMESE_ANALYSIS = {
    "analysis": {
        "filter": {
            "vi_folding": {"type": "asciifolding", "preserve_original": True},
        },
        "analyzer": {
            "default": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "vi_folding"]},
            "default_search": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "vi_folding"]},
            "ngram_analyzer": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "vi_folding", "ngram"],
            },
            "edgengram_analyzer": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "vi_folding", "edgengram"],
            },
        },
    }
}


def elasticsearch_backend_settings(url, index="portal"):
    """The WAGTAILSEARCH_BACKENDS entry for Wagtail's Elasticsearch 9 backend
    (matching the pinned elasticsearch 9 client)."""
    return {
        "BACKEND": "wagtail.search.backends.elasticsearch9",
        "URLS": [url],
        "INDEX_PREFIX": f"{index}_",
        "TIMEOUT": 5,
        "OPTIONS": {},
        "INDEX_SETTINGS": {"settings": VIETNAMESE_ANALYSIS},
    }
