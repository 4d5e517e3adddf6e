-- grain: one row per area of $kind ('country' or 'oblast') that has a boundary: its GeoJSON geometry, for the maps
with countries as (select * from dim_country),

oblasts as (select * from dim_oblast),

areas as (
    select 'country' as kind, country_code as code, geometry_json, from countries
    union all
    select 'oblast', oblast_code, geometry_json, from oblasts
),

final as (
    select code, geometry_json, from areas
    where kind = $kind and geometry_json is not null
)

select * from final
order by code
