-- grain: one row per theme of the 23-theme taxonomy
with vocabulary as (
    select * from stg_reference__vocabulary
),

final as (
    select code as theme, label_uk, label_en, sort_order,
    from vocabulary
    where kind = 'theme'
)

select * from final
