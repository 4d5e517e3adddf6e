-- grain: one row per hromada (1,469 outside Crimea, 303 Crimean flagged) plus Kyiv and Sevastopol; rank_uk and rank_en
-- are its places in Ukrainian and English alphabetical order (namesakes by oblast), which every list of hromadas sorts by
with hromadas as (
    select * from stg_reference__hromadas
),

raions as (
    select * from stg_reference__raions
),

oblasts as (
    select * from stg_reference__oblasts
),

final as (
    select
        hromadas.*,
        raions.name_uk as raion_name_uk,
        raions.name_en as raion_name_en,
        oblasts.name_uk as oblast_name_uk,
        oblasts.name_en as oblast_name_en,
        row_number() over (order by hromadas.name_uk collate uk, oblasts.name_uk collate uk, hromadas.hromada_code)
            as rank_uk,
        row_number() over (order by coalesce(hromadas.name_en, hromadas.name_uk) collate en, oblasts.name_en collate en,
            hromadas.hromada_code) as rank_en,
    from hromadas
    left join raions using (raion_code)
    left join oblasts on oblasts.oblast_code = hromadas.oblast_code
)

select * from final
