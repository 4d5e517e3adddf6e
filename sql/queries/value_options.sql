-- grain: one row per (field, value) found in fct_agreements for type, status and programme, plus the date bounds
with agreements as (select * from fct_agreements),

final as (
    select distinct 'type' as field, type as value, from agreements
    union all
    select distinct 'status', status, from agreements
    union all
    select distinct 'programme', programme, from agreements where programme is not null
    union all
    select 'date_min', min(reference_date)::varchar, from agreements
    union all
    select 'date_max', max(reference_date)::varchar, from agreements
)

select * from final order by field, value
