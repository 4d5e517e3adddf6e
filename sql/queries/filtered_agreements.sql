-- grain: one row per agreement that passes the shared filter panel; other queries read it as `filtered_agreements`
with agreements as (select * from fct_agreements),

partner_raions as (
    select hromada_code as partner_hromada_code, raion_code as partner_raion_code from dim_hromada
),

final as (
    select
        agreements.*,
        partner_raions.partner_raion_code,
        agreements.reference_date as agreement_date,
    from agreements
    left join partner_raions using (partner_hromada_code)
)

select * from final
where (len($oblast_codes::varchar[]) = 0
        or list_contains($oblast_codes::varchar[], oblast_code)
        or list_contains($oblast_codes::varchar[], partner_oblast_code))
    and (len($raion_codes::varchar[]) = 0
        or list_contains($raion_codes::varchar[], raion_code)
        or list_contains($raion_codes::varchar[], partner_raion_code))
    and (len($hromada_codes::varchar[]) = 0
        or list_contains($hromada_codes::varchar[], hromada_code)
        or list_contains($hromada_codes::varchar[], partner_hromada_code))
    and (len($country_codes::varchar[]) = 0 or list_contains($country_codes::varchar[], partner_country_code))
    and (len($themes::varchar[]) = 0 or len(list_intersect($themes::varchar[], coalesce(themes, []))) > 0)
    and (len($types::varchar[]) = 0 or list_contains($types::varchar[], type))
    and (len($statuses::varchar[]) = 0 or list_contains($statuses::varchar[], status))
    and (len($programmes::varchar[]) = 0 or list_contains($programmes::varchar[], programme))
    and ($partner_kind::varchar is null or partner_kind = $partner_kind::varchar)
    and ($date_from::date is null or agreement_date >= $date_from::date)
    and ($date_to::date is null or agreement_date <= $date_to::date)
