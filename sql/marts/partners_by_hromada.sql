-- grain: one row per hromada (every unit, zero when it has no partner); domestic ties count for both sides
with hromadas as (
    select * from dim_hromada
),

agreements as (
    select * from fct_agreements
),

sides as (
    select
        hromada_code,
        agreement_id,
        is_domestic,
        is_active,
        partner_country_code,
        partner_name_uk,
        coalesce(latest_event_date, first_event_date) as event_date,
    from agreements
    union all
    select
        partner_hromada_code as hromada_code,
        agreement_id,
        is_domestic,
        is_active,
        'UA' as partner_country_code,
        hromada_name_uk as partner_name_uk,
        coalesce(latest_event_date, first_event_date) as event_date,
    from agreements
    where is_domestic
),

per_hromada as (
    select
        hromada_code,
        count(distinct agreement_id) as partner_count,
        count(distinct agreement_id) filter (where not is_domestic) as international_partner_count,
        count(distinct agreement_id) filter (where is_domestic) as domestic_partner_count,
        count(distinct agreement_id) filter (where is_active) as active_partner_count,
        count(distinct partner_country_code) filter (where not is_domestic) as country_count,
        list_sort(list_distinct(list(partner_country_code) filter (where not is_domestic))) as country_codes,
        max(event_date) as latest_agreement_date,
        arg_max(partner_name_uk, event_date) as latest_partner_name_uk,
    from sides
    group by hromada_code
),

final as (
    select
        hromadas.hromada_code,
        hromadas.name_uk,
        hromadas.centre_name_uk,
        hromadas.name_en,
        hromadas.unit_category,
        hromadas.is_crimea,
        hromadas.raion_code,
        hromadas.oblast_code,
        hromadas.oblast_name_uk,
        hromadas.lat,
        hromadas.lon,
        coalesce(per_hromada.partner_count, 0) as partner_count,
        coalesce(per_hromada.international_partner_count, 0) as international_partner_count,
        coalesce(per_hromada.domestic_partner_count, 0) as domestic_partner_count,
        coalesce(per_hromada.active_partner_count, 0) as active_partner_count,
        coalesce(per_hromada.country_count, 0) as country_count,
        coalesce(per_hromada.country_codes, []::varchar[]) as country_codes,
        per_hromada.latest_agreement_date,
        per_hromada.latest_partner_name_uk,
    from hromadas
    left join per_hromada using (hromada_code)
)

select * from final
