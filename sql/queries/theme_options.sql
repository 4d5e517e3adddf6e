-- grain: one row per theme with its labels
select theme, label_uk, label_en, from dim_theme order by theme
