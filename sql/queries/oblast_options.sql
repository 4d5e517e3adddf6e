-- grain: one row per oblast, for the filter panel and the profiles: its names, their places in Ukrainian and English
-- alphabetical order, and the agreements either of whose parties lies in it
with oblasts as (select * from dim_oblast),

agreements as (select * from fct_agreements),

touched as (
    select oblast_code, agreement_id, from agreements
    union
    select partner_oblast_code, agreement_id, from agreements where partner_oblast_code is not null
),

counts as (
    select oblast_code, count(*) as agreement_count, from touched group by oblast_code
),

final as (
    select
        oblasts.oblast_code,
        oblasts.name_uk,
        oblasts.name_en,
        oblasts.rank_uk,
        oblasts.rank_en,
        coalesce(counts.agreement_count, 0) as agreement_count,
    from oblasts
    left join counts using (oblast_code)
)

select * from final
order by rank_uk
