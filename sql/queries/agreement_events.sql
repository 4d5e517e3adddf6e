-- grain: one row per lifecycle mention of the agreement $agreement_id, in order
with events as (select * from fct_agreement_events),

final as (
    select * from events
    where agreement_id = $agreement_id
)

select * from final
order by event_order
