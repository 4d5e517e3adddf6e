-- grain: one row per rejected register row/column problem or unreadable article
select
    reject_id,
    source_kind,
    source_file,
    source_sha256,
    row_number,
    column_name,
    value,
    reason,
    raw_record,
    rejected_at,
from raw_rejects
