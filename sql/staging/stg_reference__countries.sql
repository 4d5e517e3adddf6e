-- grain: one row per ISO 3166-1 country
select
    upper(country_code) as country_code,
    upper(alpha3) as alpha3,
    numeric_code,
    coalesce(name_uk, name_en) as name_uk,
    name_en,
    geometry_json,
    centroid_lat,
    centroid_lon,
from ref_country
