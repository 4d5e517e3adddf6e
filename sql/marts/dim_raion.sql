-- grain: one row per raion; rank_uk and rank_en are its places in Ukrainian and English alphabetical order
with raions as (
    select * from stg_reference__raions
),

oblasts as (
    select * from stg_reference__oblasts
),

final as (
    select
        raions.*,
        oblasts.name_uk as oblast_name_uk,
        oblasts.name_en as oblast_name_en,
        row_number() over (order by raions.name_uk collate uk, raions.raion_code) as rank_uk,
        row_number() over (order by coalesce(raions.name_en, raions.name_uk) collate en, raions.raion_code) as rank_en,
    from raions
    left join oblasts using (oblast_code)
)

select * from final
