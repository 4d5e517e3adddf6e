-- grain: one row per unordered pair of oblasts joined by at least one domestic agreement
with agreements as (
    select * from fct_agreements where is_domestic
),

oblasts as (
    select * from dim_oblast
),

pairs as (
    select
        least(oblast_code, partner_oblast_code) as oblast_a_code,
        greatest(oblast_code, partner_oblast_code) as oblast_b_code,
        status,
    from agreements
),

final as (
    select
        pairs.oblast_a_code,
        oblast_a.name_uk as oblast_a_name_uk,
        oblast_a.name_en as oblast_a_name_en,
        pairs.oblast_b_code,
        oblast_b.name_uk as oblast_b_name_uk,
        oblast_b.name_en as oblast_b_name_en,
        count(*) as pair_count,
        count(*) filter (where pairs.status = 'signed') as signed_count,
    from pairs
    left join oblasts as oblast_a on oblast_a.oblast_code = pairs.oblast_a_code
    left join oblasts as oblast_b on oblast_b.oblast_code = pairs.oblast_b_code
    group by all
)

select * from final
