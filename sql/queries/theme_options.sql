-- grain: one row per theme with its labels and their places in Ukrainian and English alphabetical order
with themes as (select * from dim_theme),

final as (
    select
        theme,
        label_uk,
        label_en,
        rank_uk,
        rank_en,
    from themes
)

select * from final
order by rank_uk
