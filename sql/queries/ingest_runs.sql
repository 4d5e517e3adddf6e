-- grain: one row per source file, its latest ingest run
with runs as (select * from raw_ingest_runs),

final as (
    select
        source_kind,
        source_file,
        arg_max(read_count, finished_at) as read_count,
        arg_max(loaded_count, finished_at) as loaded_count,
        arg_max(rejected_count, finished_at) as rejected_count,
        max(finished_at) as last_finished_at,
        count(*) as run_count,
    from runs
    group by source_kind, source_file
)

select * from final
order by source_kind, source_file
