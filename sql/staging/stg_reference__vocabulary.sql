-- grain: one row per vocabulary code (type, status, theme)
select
    kind,
    code,
    label_uk,
    label_en,
    sort_order,
from ref_vocabulary
