-- grain: one row per theme of dim_theme with the number of filtered agreements that carry it
with filtered as (select agreement_id, unnest(themes) as theme from filtered_agreements),

themes as (select * from dim_theme),

final as (
    select
        themes.theme,
        themes.label_uk,
        themes.label_en,
        count(distinct filtered.agreement_id) as agreement_count,
    from themes
    left join filtered using (theme)
    group by all
)

select * from final
order by agreement_count desc, theme
