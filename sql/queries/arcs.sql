-- grain: one row per filtered agreement whose two parties both have coordinates
with filtered as (select * from filtered_agreements),

final as (
    select
        agreement_id,
        hromada_name_uk,
        hromada_name_en,
        partner_name_uk,
        partner_name_en,
        partner_country_code,
        is_domestic,
        status,
        hromada_lon,
        hromada_lat,
        partner_lon,
        partner_lat,
    from filtered
    where hromada_lat is not null and partner_lat is not null
)

select * from final
