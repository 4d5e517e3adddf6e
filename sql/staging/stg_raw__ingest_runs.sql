-- grain: one row per ingested input file (the latest run over it)
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
