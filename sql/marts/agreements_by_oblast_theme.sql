-- grain: one row per oblast and theme that has at least one agreement
with agreements as (
    select * from fct_agreements
),

themes as (
    select * from dim_theme
),

agreement_themes as (
    select agreement_id, oblast_code, unnest(themes) as theme,
    from agreements
),

final as (
    select
        agreement_themes.oblast_code,
        agreement_themes.theme,
        themes.label_uk,
        themes.label_en,
        count(distinct agreement_themes.agreement_id) as agreement_count,
    from agreement_themes
    inner join themes using (theme)
    group by all
)

select * from final
