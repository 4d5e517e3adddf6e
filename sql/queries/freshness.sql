-- grain: one row: when the warehouse was built, when the sources were last read and how many there are
with runs as (select * from raw_ingest_runs),

builds as (select * from build_info),

documents as (select * from raw_documents),

final as (
    select
        (select max(value) from builds where key = 'built_at') as built_at,
        (select max(finished_at) from runs) as last_ingest_at,
        (select count(distinct source_file) from runs where source_kind = 'registry') as registry_file_count,
        (select count(*) from documents) as document_count,
        (select count(*) from fct_agreements) as agreement_total_count,
)

select * from final
