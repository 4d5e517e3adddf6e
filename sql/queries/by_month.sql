-- grain: one row per month x status x type of the filtered agreements' dates (undated agreements left out)
with filtered as (select * from filtered_agreements where agreement_date is not null),

final as (
    select
        date_trunc('month', agreement_date)::date as month_date,
        status,
        type,
        count(*) as agreement_count,
    from filtered
    group by all
)

select * from final
order by month_date, status, type
