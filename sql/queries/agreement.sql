-- grain: one row, the agreement $agreement_id with both parties' names and coordinates
with agreements as (select * from fct_agreements),

final as (
    select * from agreements
    where agreement_id = $agreement_id
)

select * from final
