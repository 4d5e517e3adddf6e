-- grain: one row per foreign GeoNames place
select
    geonameid,
    name,
    upper(country_code) as country_code,
    admin1_code,
    population,
    lat,
    lon,
    names_cyrillic,
    names_latin,
from ref_place
