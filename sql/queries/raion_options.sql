-- grain: one row per raion, for the filter panel
with raions as (select * from dim_raion),

final as (select raion_code, oblast_code, name_uk, name_en, from raions)

select * from final order by name_uk
