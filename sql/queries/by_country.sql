-- grain: one row per country in dim_country (foreign partners only); countries with no agreement have zeros. Partner
-- countries are counted and ranked by live agreements (not terminated), as the headline figure counts them; the
-- terminated ones are counted apart
with filtered as (select * from filtered_agreements where not is_domestic),

countries as (select * from dim_country),

per_country as (
    select
        partner_country_code as country_code,
        count(*) filter (where is_active) as agreement_count,
        count(*) filter (where status = 'signed') as signed_count,
        count(*) filter (where status = 'terminated') as terminated_count,
        count(distinct hromada_code) filter (where is_active) as hromada_count,
        count(distinct oblast_code) filter (where is_active) as oblast_count,
        count(distinct coalesce(partner_geonameid::varchar, partner_name_en, partner_name_uk)) filter (where is_active)
            as partner_count,
    from filtered
    group by partner_country_code
),

final as (
    select
        countries.country_code,
        countries.name_uk,
        countries.name_en,
        countries.centroid_lat,
        countries.centroid_lon,
        countries.rank_uk,
        countries.rank_en,
        coalesce(per_country.agreement_count, 0) as agreement_count,
        coalesce(per_country.signed_count, 0) as signed_count,
        coalesce(per_country.terminated_count, 0) as terminated_count,
        coalesce(per_country.hromada_count, 0) as hromada_count,
        coalesce(per_country.oblast_count, 0) as oblast_count,
        coalesce(per_country.partner_count, 0) as partner_count,
    from countries
    left join per_country using (country_code)
)

select * from final
order by agreement_count desc, terminated_count desc, rank_uk
