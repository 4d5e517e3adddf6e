-- grain: one row per agreement (an unordered pair of a hromada and its partner)
with agreements as (
    select * from int_agreements_merged
),

hromadas as (
    select * from dim_hromada
),

countries as (
    select * from dim_country
),

final as (
    select
        agreements.agreement_id,
        agreements.pair_key,
        agreements.hromada_code,
        ua.centre_name_uk as hromada_name_uk,
        ua.name_en as hromada_name_en,
        ua.name_uk as hromada_unit_name_uk,
        ua.raion_code,
        ua.oblast_code,
        ua.oblast_name_uk,
        ua.oblast_name_en,
        ua.lat as hromada_lat,
        ua.lon as hromada_lon,
        agreements.partner_kind,
        agreements.is_domestic,
        case when agreements.is_domestic then partner.centre_name_uk else agreements.partner_name_uk end
            as partner_name_uk,
        case when agreements.is_domestic then partner.name_en else agreements.partner_name_en end
            as partner_name_en,
        agreements.partner_country_code,
        countries.name_uk as partner_country_name_uk,
        countries.name_en as partner_country_name_en,
        agreements.partner_geonameid,
        agreements.partner_hromada_code,
        partner.oblast_code as partner_oblast_code,
        partner.oblast_name_uk as partner_oblast_name_uk,
        coalesce(partner.lat, agreements.partner_lat) as partner_lat,
        coalesce(partner.lon, agreements.partner_lon) as partner_lon,
        agreements.type,
        agreements.status,
        agreements.status = 'signed' as is_signed,
        agreements.status in ('planned', 'negotiating', 'intent') as is_in_progress,
        agreements.status <> 'terminated' as is_active,
        agreements.first_event_date,
        agreements.latest_event_date,
        agreements.signed_date,
        coalesce(agreements.first_event_date, agreements.latest_published_date) as reference_date,
        agreements.programme,
        agreements.themes,
        agreements.source_count,
        agreements.mention_count,
        agreements.max_confidence,
        agreements.has_conflicting_status,
        agreements.is_background_only,
    from agreements
    left join hromadas as ua on ua.hromada_code = agreements.hromada_code
    left join hromadas as partner on partner.hromada_code = agreements.partner_hromada_code
    left join countries on countries.country_code = agreements.partner_country_code
)

select * from final
