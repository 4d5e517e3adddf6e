-- grain: one row per oblast-level unit (27: 24 oblasts, Crimea, Kyiv, Sevastopol)
with oblasts as (
    select * from stg_reference__oblasts
),

hromadas as (
    select * from stg_reference__hromadas
),

hromada_counts as (
    select oblast_code, count(*) filter (where is_hromada) as hromada_count,
    from hromadas
    group by oblast_code
),

final as (
    select
        oblasts.*,
        coalesce(hromada_counts.hromada_count, 0) as hromada_count,
    from oblasts
    left join hromada_counts using (oblast_code)
)

select * from final
