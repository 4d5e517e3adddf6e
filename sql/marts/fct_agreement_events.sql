-- grain: one row per mention of an agreement, in lifecycle order (its dated events)
with mentions as (
    select * from int_mentions_keyed
),

agreements as (
    select agreement_id, pair_key from int_agreements_merged
),

documents as (
    select * from stg_articles__documents
),

final as (
    select
        agreements.agreement_id,
        mentions.mention_id,
        mentions.event_order,
        mentions.status,
        mentions.type,
        mentions.event_date,
        mentions.event_date_value,
        mentions.event_date_precision,
        mentions.published_date,
        mentions.source_kind,
        mentions.source_id,
        mentions.source_ref,
        mentions.source_url,
        documents.title as source_title,
        mentions.row_number,
        mentions.mentioned_in_passing,
        mentions.confidence,
        mentions.evidence,
        mentions.notes,
        mentions.programme,
        mentions.themes,
        mentions.ua_hromada_code,
        mentions.partner_name_uk,
        mentions.partner_lat is null and not mentions.is_domestic as is_partner_unlocated,
    from mentions
    inner join agreements using (pair_key)
    left join documents on documents.document_id = mentions.source_id
)

select * from final
