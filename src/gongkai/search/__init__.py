"""Full-text search over public disclosures: an embedded tantivy index derived from the database.

- services.py   the public API: search(SearchQuery) → SearchResult, index_disclosures, process_outbox, rebuild,
                status, substring_scan (the reference semantics)
- text.py       normalisation (NFKC + casefold per character), the bigram token stream, query terms, snippets
- index.py      schema, opening and creating the index, the schema version file, the writer lock, documents
- queries.py    tantivy queries: substring terms as bigram phrases, exact lookups, filters, date presets
- documents.py  what the index holds of a disclosure, read from the database in batches
- models.py     SearchOutbox; receivers.py and tasks.py keep the index in step after each commit
"""
