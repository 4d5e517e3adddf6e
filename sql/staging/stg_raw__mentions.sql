-- grain: one row per mention of a partnership (a register row or an extracted article mention)
with mentions as (
    select * from raw_mentions
),

typed as (
    select
        mention_id,
        source_kind,
        source_id,
        source_ref,
        nullif(trim(source_url), '') as source_url,
        row_number,
        upper(ua_hromada_code) as ua_hromada_code,
        lower(partner_kind) as partner_kind,
        nullif(trim(partner_name_uk), '') as partner_name_uk,
        nullif(trim(partner_name_en), '') as partner_name_en,
        case when lower(partner_kind) = 'domestic' then 'UA' else upper(partner_country_code) end
            as partner_country_code,
        partner_geonameid,
        upper(partner_hromada_code) as partner_hromada_code,
        partner_lat,
        partner_lon,
        lower(type) as type,
        lower(status) as status,
        nullif(trim(event_date), '') as event_date,
        published_date,
        coalesce(themes, []::varchar[]) as themes,
        nullif(trim(programme), '') as programme,
        mentioned_in_passing,
        coalesce(confidence, 1.0) as confidence,
        evidence,
        coalesce(notes, []::varchar[]) as notes,
        loaded_at,
    from mentions
),

dated as (
    select
        *,
        case
            when regexp_full_match(event_date, '\d{4}-\d{2}-\d{2}') then try_cast(event_date as date)
            when regexp_full_match(event_date, '\d{4}-\d{2}') then try_cast(event_date || '-01' as date)
            when regexp_full_match(event_date, '\d{4}') then try_cast(event_date || '-01-01' as date)
        end as event_date_value,
        case
            when regexp_full_match(event_date, '\d{4}-\d{2}-\d{2}') then 'day'
            when regexp_full_match(event_date, '\d{4}-\d{2}') then 'month'
            when regexp_full_match(event_date, '\d{4}') then 'year'
        end as event_date_precision,
        partner_kind = 'domestic' as is_domestic,
    from typed
),

final as (
    select
        *,
        -- the last day the reported date can stand for: '2023-04' ends on 2023-04-30
        case event_date_precision
            when 'day' then event_date_value
            when 'month' then last_day(event_date_value)
            when 'year' then make_date(year(event_date_value), 12, 31)
        end as event_period_end,
    from dated
)

select * from final
