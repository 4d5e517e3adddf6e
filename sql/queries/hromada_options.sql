-- grain: one row per hromada, for the filter panel and the profiles
with hromadas as (select * from dim_hromada),

final as (
    select hromada_code, raion_code, oblast_code, name_uk, coalesce(name_en, name_uk) as name_en, oblast_name_uk, oblast_name_en,
    from hromadas
)

select * from final order by name_uk
