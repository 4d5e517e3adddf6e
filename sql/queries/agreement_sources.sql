-- grain: one row per source of the agreement $agreement_id, with its evidence sentence
with sources as (select * from fct_agreement_sources),

final as (
    select * from sources
    where agreement_id = $agreement_id
)

select * from final
order by published_date nulls last, source_ref
