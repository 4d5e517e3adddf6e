-- grain: one row per oblast, for the filter panel
select oblast_code, name_uk, name_en, from dim_oblast order by name_uk
