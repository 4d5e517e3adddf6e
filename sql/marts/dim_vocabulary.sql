-- grain: one row per type, status or theme code with its labels
select * from stg_reference__vocabulary
