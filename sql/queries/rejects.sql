-- grain: one row per rejected register row and column
with rejects as (select * from raw_rejects),

final as (
    select source_kind, source_file, row_number, column_name, value, reason, rejected_at,
    from rejects
)

select * from final
order by source_file, row_number, column_name
