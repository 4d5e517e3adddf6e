-- grain: one row per country that has at least one agreement, for the filter panel and the profiles: its names, their
-- places in Ukrainian and English alphabetical order, and its live (not terminated) agreements
with countries as (select * from dim_country),

agreements as (select * from fct_agreements where not is_domestic),

counts as (
    select partner_country_code as country_code, count(*) filter (where is_active) as agreement_count,
    from agreements
    group by partner_country_code
),

final as (
    select
        countries.country_code,
        countries.name_uk,
        countries.name_en,
        countries.rank_uk,
        countries.rank_en,
        counts.agreement_count,
    from countries
    join counts using (country_code)
)

select * from final
order by rank_uk
