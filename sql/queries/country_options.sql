-- grain: one row per country that has at least one agreement, for the filter panel
with countries as (select * from dim_country),

partners as (select distinct partner_country_code as country_code from fct_agreements where not is_domestic),

final as (
    select countries.country_code, countries.name_uk, countries.name_en,
    from countries
    semi join partners using (country_code)
)

select * from final order by name_uk
