-- grain: one row per oblast-level unit (27); agreements attributed to the reporting hromada's oblast
with oblasts as (
    select * from dim_oblast
),

agreements as (
    select * from fct_agreements
),

per_oblast as (
    select
        oblast_code,
        count(*) as agreement_count,
        count(*) filter (where not is_domestic) as international_count,
        count(*) filter (where is_domestic) as domestic_count,
        count(*) filter (where status = 'planned') as planned_count,
        count(*) filter (where status = 'negotiating') as negotiating_count,
        count(*) filter (where status = 'intent') as intent_count,
        count(*) filter (where status = 'signed') as signed_count,
        count(*) filter (where status = 'terminated') as terminated_count,
        count(distinct partner_country_code) filter (where not is_domestic and is_active) as partner_country_count,
    from agreements
    group by oblast_code
),

hromadas_with_partner as (
    -- a hromada has an international partner when any of its ties abroad is not terminated
    select oblast_code, count(distinct hromada_code) as hromadas_with_international_count,
    from agreements
    where not is_domestic and is_active
    group by oblast_code
),

as_domestic_partner as (
    select partner_oblast_code as oblast_code, count(*) as domestic_as_partner_count,
    from agreements
    where is_domestic
    group by partner_oblast_code
),

country_ranks as (
    select
        oblast_code,
        partner_country_code,
        row_number() over (
            partition by oblast_code order by count(*) desc, partner_country_code
        ) as country_rank,
    from agreements
    where not is_domestic and is_active
    group by oblast_code, partner_country_code
),

final as (
    select
        oblasts.oblast_code,
        oblasts.iso_3166_2,
        oblasts.name_uk,
        oblasts.name_en,
        oblasts.is_occupied_crimea,
        oblasts.centroid_lat,
        oblasts.centroid_lon,
        coalesce(per_oblast.agreement_count, 0) as agreement_count,
        coalesce(per_oblast.international_count, 0) as international_count,
        coalesce(per_oblast.domestic_count, 0) as domestic_count,
        coalesce(as_domestic_partner.domestic_as_partner_count, 0) as domestic_as_partner_count,
        coalesce(per_oblast.planned_count, 0) as planned_count,
        coalesce(per_oblast.negotiating_count, 0) as negotiating_count,
        coalesce(per_oblast.intent_count, 0) as intent_count,
        coalesce(per_oblast.signed_count, 0) as signed_count,
        coalesce(per_oblast.terminated_count, 0) as terminated_count,
        oblasts.hromada_count,
        coalesce(hromadas_with_partner.hromadas_with_international_count, 0)
            as hromadas_with_international_count,
        case
            when oblasts.hromada_count > 0
                then round(100.0 * coalesce(hromadas_with_partner.hromadas_with_international_count, 0)
                    / oblasts.hromada_count, 1)
        end as hromadas_with_international_pct,
        coalesce(per_oblast.partner_country_count, 0) as partner_country_count,
        country_ranks.partner_country_code as top_partner_country_code,
        countries.name_uk as top_partner_country_name_uk,
        countries.name_en as top_partner_country_name_en,
    from oblasts
    left join per_oblast using (oblast_code)
    left join hromadas_with_partner using (oblast_code)
    left join as_domestic_partner using (oblast_code)
    left join country_ranks on country_ranks.oblast_code = oblasts.oblast_code and country_ranks.country_rank = 1
    left join dim_country as countries on countries.country_code = country_ranks.partner_country_code
)

select * from final
