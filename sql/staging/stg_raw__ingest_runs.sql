-- grain: one row per ingested version of an input file (the latest run over that content)
select
    run_id,
    source_kind,
    source_file,
    source_sha256,
    read_count,
    loaded_count,
    rejected_count,
    skipped_count,
    started_at,
    finished_at,
from raw_ingest_runs
