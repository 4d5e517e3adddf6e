-- grain: one row per mention, with the key of the (unordered) pair it speaks of
with mentions as (
    select * from stg_raw__mentions
),

vocabulary as (
    select * from stg_reference__vocabulary where kind = 'status'
),

keyed as (
    select
        mentions.*,
        case
            when is_domestic then least(ua_hromada_code, partner_hromada_code)
                || '~' || greatest(ua_hromada_code, partner_hromada_code)
            when partner_geonameid is not null then ua_hromada_code || '>gn:' || partner_geonameid
            else ua_hromada_code || '>' || partner_country_code || ':'
                || lower(regexp_replace(partner_name_uk, '[\s''’ʼ`-]+', '', 'g'))
        end as pair_key,
        vocabulary.sort_order as status_rank,
        coalesce(event_date_value, published_date) as sort_date,
    from mentions
    left join vocabulary on vocabulary.code = mentions.status
),

final as (
    select
        *,
        row_number() over (
            partition by pair_key
            order by sort_date nulls last, status_rank, source_kind, source_id, row_number
        ) as event_order,
    from keyed
)

select * from final
