-- grain: one row per filtered agreement, the columns the table, the card and the extracts show
with filtered as (select * from filtered_agreements),

sources as (
    -- the link of the earliest published source that has one (a register's «Джерело», an article's url)
    select agreement_id, arg_min(source_url, coalesce(published_date, date '9999-12-31')) as source_url,
    from fct_agreement_sources
    where source_url is not null
    group by agreement_id
),

final as (
    select
        filtered.agreement_id,
        filtered.hromada_code,
        filtered.hromada_name_uk,
        filtered.hromada_name_en,
        filtered.oblast_code,
        filtered.oblast_name_uk,
        filtered.oblast_name_en,
        filtered.partner_kind,
        filtered.partner_name_uk,
        filtered.partner_name_en,
        filtered.partner_country_code,
        filtered.partner_country_name_uk,
        filtered.partner_country_name_en,
        filtered.partner_hromada_code,
        filtered.type,
        filtered.status,
        filtered.agreement_date,
        filtered.first_event_date,
        filtered.latest_event_date,
        filtered.signed_date,
        filtered.programme,
        filtered.themes,
        filtered.source_count,
        filtered.max_confidence,
        sources.source_url,
    from filtered
    left join sources using (agreement_id)
)

select * from final
order by agreement_date desc nulls last, oblast_code, hromada_code, agreement_id
