-- grain: one row per hromada, for the filter panel and the profiles: its names, their places in Ukrainian and English
-- alphabetical order, and the agreements it is a party to
with hromadas as (select * from dim_hromada),

-- partner_count: the agreements a hromada is a party to, on either side of a domestic pair
partners as (select hromada_code, partner_count, from partners_by_hromada),

final as (
    select
        hromadas.hromada_code,
        hromadas.raion_code,
        hromadas.oblast_code,
        hromadas.name_uk,
        coalesce(hromadas.name_en, hromadas.name_uk) as name_en,
        hromadas.oblast_name_uk,
        hromadas.oblast_name_en,
        hromadas.rank_uk,
        hromadas.rank_en,
        coalesce(partners.partner_count, 0) as agreement_count,
    from hromadas
    left join partners using (hromada_code)
)

select * from final
order by rank_uk
