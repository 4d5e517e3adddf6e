-- grain: one row per ISO 3166-1 country
select * from stg_reference__countries
