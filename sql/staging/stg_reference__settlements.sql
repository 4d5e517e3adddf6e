-- grain: one row per settlement
select
    settlement_code,
    trim(name_uk) as name_uk,
    category,
    hromada_code,
    raion_code,
    oblast_code,
    is_centre,
from ref_settlement
