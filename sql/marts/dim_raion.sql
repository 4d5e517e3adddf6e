-- grain: one row per raion
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
    from raions
    left join oblasts using (oblast_code)
)

select * from final
