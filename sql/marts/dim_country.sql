-- grain: one row per ISO 3166-1 country; rank_uk and rank_en are its places in Ukrainian and English alphabetical
-- order, which every list of countries sorts by
with countries as (
    select * from stg_reference__countries
),

final as (
    select
        countries.*,
        row_number() over (order by countries.name_uk collate uk, countries.country_code) as rank_uk,
        row_number() over (order by countries.name_en collate en, countries.country_code) as rank_en,
    from countries
)

select * from final
