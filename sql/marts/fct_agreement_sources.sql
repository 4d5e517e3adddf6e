-- grain: one row per agreement and source (register file or article) that mentions it
with events as (
    select * from fct_agreement_events
),

final as (
    select
        agreement_id,
        source_kind,
        source_id,
        any_value(source_ref) as source_ref,
        any_value(source_title) as source_title,
        max(published_date) as published_date,
        count(*) as mention_count,
        string_agg(distinct evidence, ' … ') as evidence,
        max(confidence) as confidence,
        -- the link to open: an article's url, or the first link among the register rows that report it
        min(source_url) as source_url,
        -- whether the source's own name is that link (an article read from its url)
        coalesce(source_ref = min(source_url), false) as is_link,
    from events
    group by agreement_id, source_kind, source_id, source_ref
)

select * from final
