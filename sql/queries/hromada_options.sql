-- grain: one row per hromada, for the filter panel and the profiles: its names, their places in Ukrainian and English
-- alphabetical order, and the agreements it is a party to
with hromadas as (select * from dim_hromada),

agreements as (select * from fct_agreements),

touched as (
    select hromada_code, agreement_id, from agreements
    union
    select partner_hromada_code, agreement_id, from agreements where partner_hromada_code is not null
),

counts as (
    select hromada_code, count(*) as agreement_count, from touched group by hromada_code
),

final as (
    select
        hromadas.hromada_code,
        hromadas.raion_code,
        hromadas.oblast_code,
        hromadas.name_uk,
        coalesce(hromadas.name_en, hromadas.name_uk) as name_en,
        hromadas.oblast_name_uk,
        hromadas.oblast_name_en,
        row_number() over (order by hromadas.name_uk collate uk, hromadas.oblast_name_uk collate uk,
            hromadas.hromada_code) as rank_uk,
        row_number() over (order by coalesce(hromadas.name_en, hromadas.name_uk) collate en,
            hromadas.oblast_name_en collate en, hromadas.hromada_code) as rank_en,
        coalesce(counts.agreement_count, 0) as agreement_count,
    from hromadas
    left join counts using (hromada_code)
)

select * from final
order by rank_uk
