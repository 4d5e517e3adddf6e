-- grain: one row per month, status and type; agreements dated by their first event (or first report)
with agreements as (
    select * from fct_agreements
),

dated as (
    select
        date_trunc('month', reference_date)::date as month,
        status,
        type,
    from agreements
    where reference_date is not null
),

per_month as (
    select month, status, type, count(*) as agreement_count,
    from dated
    group by all
),

final as (
    select
        month,
        status,
        type,
        agreement_count,
        cast(sum(agreement_count) over (
            partition by status, type order by month rows between unbounded preceding and current row
        ) as bigint) as cumulative_count,
        cast(sum(agreement_count) over (
            order by month range between unbounded preceding and current row
        ) as bigint) as cumulative_total_count,
    from per_month
)

select * from final
