-- grain: one row per oblast x geocode quality, counting hromadas
with hromadas as (select * from dim_hromada),

final as (
    select
        oblast_code,
        oblast_name_uk,
        oblast_name_en,
        coalesce(geocode_quality, 'unresolved') as geocode_quality,
        count(*) as hromada_count,
        count(*) filter (where has_coordinates) as geocoded_count,
    from hromadas
    where is_hromada
    group by all
)

select * from final
order by oblast_name_uk collate uk, geocode_quality
