-- grain: one row per oblast-level unit (24 oblasts, Crimea, Kyiv, Sevastopol)
select
    oblast_code,
    iso_3166_2,
    trim(name_uk) as name_uk,
    trim(name_en) as name_en,
    is_occupied_crimea,
    geometry_json,
    centroid_lat,
    centroid_lon,
from ref_oblast
