-- grain: one row per raion, for the filter panel: its names and their places in Ukrainian and English alphabetical order
with raions as (select * from dim_raion),

final as (
    select
        raion_code,
        oblast_code,
        name_uk,
        name_en,
        rank_uk,
        rank_en,
    from raions
)

select * from final
order by rank_uk
