-- grain: one row per theme of the 23-theme taxonomy; rank_uk and rank_en are its labels' places in Ukrainian and
-- English alphabetical order
with vocabulary as (
    select * from stg_reference__vocabulary
),

final as (
    select
        code as theme,
        label_uk,
        label_en,
        sort_order,
        row_number() over (order by label_uk collate uk) as rank_uk,
        row_number() over (order by label_en collate en) as rank_en,
    from vocabulary
    where kind = 'theme'
)

select * from final
