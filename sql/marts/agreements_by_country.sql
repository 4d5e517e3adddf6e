-- grain: one row per partner country (Ukraine included for domestic pairs)
with agreements as (
    select * from fct_agreements
),

countries as (
    select * from dim_country
),

per_country as (
    select
        partner_country_code as country_code,
        count(*) as agreement_count,
        count(*) filter (where is_active) as active_agreement_count,
        count(distinct hromada_code) as hromada_count,
        count(distinct oblast_code) as oblast_count,
        count(distinct partner_geonameid) + count(distinct partner_hromada_code)
            + count(*) filter (where partner_geonameid is null and partner_hromada_code is null)
            as partner_count,
        min(first_event_date) as first_agreement_date,
        max(latest_event_date) as latest_agreement_date,
        count(*) filter (where type = 'memorandum') as memorandum_count,
        count(*) filter (where type = 'twinning_agreement') as twinning_agreement_count,
        count(*) filter (where type = 'cooperation_agreement') as cooperation_agreement_count,
        count(*) filter (where type = 'protocol_of_intent') as protocol_of_intent_count,
        count(*) filter (where type = 'letter_of_intent') as letter_of_intent_count,
        count(*) filter (where type = 'council_decision') as council_decision_count,
        count(*) filter (where type = 'other') as other_type_count,
        count(*) filter (where status = 'planned') as planned_count,
        count(*) filter (where status = 'negotiating') as negotiating_count,
        count(*) filter (where status = 'intent') as intent_count,
        count(*) filter (where status = 'signed') as signed_count,
        count(*) filter (where status = 'terminated') as terminated_count,
    from agreements
    group by partner_country_code
),

final as (
    select
        per_country.country_code,
        countries.alpha3,
        coalesce(countries.name_uk, per_country.country_code) as name_uk,
        coalesce(countries.name_en, per_country.country_code) as name_en,
        countries.centroid_lat,
        countries.centroid_lon,
        per_country.* exclude (country_code),
        per_country.country_code = 'UA' as is_domestic,
    from per_country
    left join countries using (country_code)
)

select * from final
