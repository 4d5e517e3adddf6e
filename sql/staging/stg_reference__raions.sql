-- grain: one row per raion
select
    raion_code,
    oblast_code,
    trim(name_uk) as name_uk,
    trim(name_en) as name_en,
from ref_raion
