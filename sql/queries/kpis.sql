-- grain: one row of headline figures for the filtered set; $as_of anchors the 90-day windows
with filtered as (select * from filtered_agreements),

hromadas as (
    -- the 1,469 hromadas outside Crimea, or every unit of the territory chosen (Kyiv and Sevastopol included)
    select hromada_code from dim_hromada
    where ((is_hromada and not is_crimea)
            or len($oblast_codes::varchar[]) + len($raion_codes::varchar[]) + len($hromada_codes::varchar[]) > 0)
        and (len($oblast_codes::varchar[]) = 0 or list_contains($oblast_codes::varchar[], oblast_code))
        and (len($raion_codes::varchar[]) = 0 or list_contains($raion_codes::varchar[], raion_code))
        and (len($hromada_codes::varchar[]) = 0 or list_contains($hromada_codes::varchar[], hromada_code))
),

final as (
    select
        count(*) as agreement_count,
        count(*) filter (where status = 'signed') as signed_count,
        count(*) filter (where status in ('planned', 'negotiating', 'intent')) as in_progress_count,
        count(*) filter (where status = 'terminated') as terminated_count,
        count(distinct hromada_code) filter (
            where not is_domestic and is_active and hromada_code in (select hromada_code from hromadas)
        ) as hromadas_with_international_count,
        (select count(*) from hromadas) as hromada_total_count,
        count(distinct partner_country_code) filter (where not is_domestic and is_active) as partner_country_count,
        count(*) filter (where is_domestic) as domestic_pair_count,
        count(*) filter (where agreement_date is null) as undated_count,
        count(*) filter (where agreement_date > $as_of::date - 90 and agreement_date <= $as_of::date) as new_90d_count,
        count(*) filter (where agreement_date > $as_of::date - 180 and agreement_date <= $as_of::date - 90) as previous_90d_count,
    from filtered
)

select * from final
