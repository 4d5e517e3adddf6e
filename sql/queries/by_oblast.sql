-- grain: one row per oblast; the definitions of the agreements_by_oblast mart over the filtered agreements: an agreement
-- counts in the oblast of its hromada (so the oblasts add up to the total), a domestic pair also as a partner in the other
-- oblast (domestic_as_partner_count); hromadas and countries count live (not terminated) international ties
with filtered as (select * from filtered_agreements),

oblasts as (select * from dim_oblast),

per_oblast as (
    select
        oblast_code,
        count(*) as agreement_count,
        count(*) filter (where status = 'signed') as signed_count,
        count(*) filter (where status = 'terminated') as terminated_count,
        count(*) filter (where is_domestic) as domestic_count,
        count(distinct hromada_code) filter (where not is_domestic and is_active) as hromadas_with_international_count,
        count(distinct partner_country_code) filter (where not is_domestic and is_active) as partner_country_count,
    from filtered
    group by oblast_code
),

as_domestic_partner as (
    select partner_oblast_code as oblast_code, count(*) as domestic_as_partner_count,
    from filtered
    where is_domestic
    group by partner_oblast_code
),

final as (
    select
        oblasts.oblast_code,
        oblasts.name_uk,
        oblasts.name_en,
        oblasts.is_occupied_crimea,
        oblasts.centroid_lat,
        oblasts.centroid_lon,
        oblasts.rank_uk,
        oblasts.rank_en,
        oblasts.hromada_count,
        coalesce(per_oblast.agreement_count, 0) as agreement_count,
        coalesce(as_domestic_partner.domestic_as_partner_count, 0) as domestic_as_partner_count,
        coalesce(per_oblast.signed_count, 0) as signed_count,
        coalesce(per_oblast.terminated_count, 0) as terminated_count,
        coalesce(per_oblast.domestic_count, 0) as domestic_count,
        coalesce(per_oblast.hromadas_with_international_count, 0) as hromadas_with_international_count,
        round(100.0 * coalesce(per_oblast.hromadas_with_international_count, 0) / nullif(oblasts.hromada_count, 0), 1)
            as hromadas_with_international_pct,
        coalesce(per_oblast.partner_country_count, 0) as partner_country_count,
    from oblasts
    left join per_oblast using (oblast_code)
    left join as_domestic_partner using (oblast_code)
)

select * from final
order by agreement_count desc, rank_uk
