-- grain: one row per settlement
select * from stg_reference__settlements
