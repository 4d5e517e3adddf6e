-- grain: one row per foreign GeoNames place
select * from stg_reference__places
