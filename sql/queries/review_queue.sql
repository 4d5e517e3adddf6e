-- grain: one row per filtered agreement that needs a human look: low confidence, unplaced partner or conflicting statuses
with filtered as (select * from filtered_agreements),

final as (
    select
        agreement_id,
        hromada_name_uk,
        hromada_name_en,
        partner_name_uk,
        partner_name_en,
        partner_country_code,
        status,
        max_confidence,
        max_confidence < $min_confidence as is_low_confidence,
        partner_lat is null as is_partner_unplaced,
        has_conflicting_status,
    from filtered
    where max_confidence < $min_confidence or partner_lat is null or has_conflicting_status
)

select * from final
order by max_confidence nulls first, agreement_id
