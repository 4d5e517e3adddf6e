-- grain: one row per oblast x geocode quality, counting hromadas
with hromadas as (select * from dim_hromada),

final as (
    select oblast_code, oblast_name_uk, oblast_name_en, coalesce(geocode_quality, 'unresolved') as geocode_quality, count(*) as hromada_count,
    from hromadas
    group by all
)

select * from final
order by oblast_name_uk, geocode_quality
