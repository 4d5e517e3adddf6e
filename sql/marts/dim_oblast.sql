-- grain: one row per oblast-level unit (27: 24 oblasts, Crimea, Kyiv, Sevastopol); rank_uk and rank_en are its places
-- in Ukrainian and English alphabetical order, which every list of oblasts sorts by
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
        row_number() over (order by oblasts.name_uk collate uk, oblasts.oblast_code) as rank_uk,
        row_number() over (order by oblasts.name_en collate en, oblasts.oblast_code) as rank_en,
    from oblasts
    left join hromada_counts using (oblast_code)
)

select * from final
