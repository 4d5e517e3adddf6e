-- grain: one row per oblast; an agreement counts in every oblast one of its hromadas lies in; "with partner" = a tie not terminated
with filtered as (select * from filtered_agreements),

oblasts as (select * from dim_oblast),

sides as (
    select agreement_id, oblast_code, hromada_code, partner_country_code, is_domestic, is_active, status from filtered
    union
    select agreement_id, partner_oblast_code, partner_hromada_code, partner_country_code, is_domestic, is_active, status from filtered
    where is_domestic and partner_oblast_code is not null
),

per_oblast as (
    select
        oblast_code,
        count(distinct agreement_id) as agreement_count,
        count(distinct agreement_id) filter (where status = 'signed') as signed_count,
        count(distinct agreement_id) filter (where is_domestic) as domestic_count,
        count(distinct hromada_code) filter (where is_active) as hromadas_with_partner_count,
        count(distinct hromada_code) filter (where not is_domestic and is_active) as hromadas_with_international_count,
        count(distinct partner_country_code) filter (where not is_domestic and is_active) as country_count,
    from sides
    group by oblast_code
),

final as (
    select
        oblasts.oblast_code,
        oblasts.name_uk,
        oblasts.name_en,
        oblasts.is_occupied_crimea,
        oblasts.centroid_lat,
        oblasts.centroid_lon,
        oblasts.hromada_count,
        coalesce(per_oblast.agreement_count, 0) as agreement_count,
        coalesce(per_oblast.signed_count, 0) as signed_count,
        coalesce(per_oblast.domestic_count, 0) as domestic_count,
        coalesce(per_oblast.hromadas_with_partner_count, 0) as hromadas_with_partner_count,
        coalesce(per_oblast.hromadas_with_international_count, 0) as hromadas_with_international_count,
        coalesce(per_oblast.country_count, 0) as country_count,
        100.0 * coalesce(per_oblast.hromadas_with_partner_count, 0) / nullif(oblasts.hromada_count, 0) as hromadas_with_partner_pct,
    from oblasts
    left join per_oblast using (oblast_code)
)

select * from final
order by agreement_count desc, name_uk
