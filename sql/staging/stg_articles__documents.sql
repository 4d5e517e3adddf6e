-- grain: one row per ingested article (deduplicated by content hash at load)
select
    document_id,
    source,
    nullif(trim(title), '') as title,
    published_date,
    lang,
    format,
    length(text) as text_length_chars,
    ingested_at,
from raw_documents
