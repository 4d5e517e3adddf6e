-- grain: one row per theme of the taxonomy (all 23, zero when unused)
with agreements as (
    select * from fct_agreements
),

themes as (
    select * from dim_theme
),

agreement_themes as (
    select agreement_id, is_domestic, status, unnest(themes) as theme,
    from agreements
),

per_theme as (
    select
        theme,
        count(distinct agreement_id) as agreement_count,
        count(distinct agreement_id) filter (where not is_domestic) as international_count,
        count(distinct agreement_id) filter (where is_domestic) as domestic_count,
        count(distinct agreement_id) filter (where status = 'signed') as signed_count,
    from agreement_themes
    group by theme
),

final as (
    select
        themes.theme,
        themes.label_uk,
        themes.label_en,
        themes.sort_order,
        coalesce(per_theme.agreement_count, 0) as agreement_count,
        coalesce(per_theme.international_count, 0) as international_count,
        coalesce(per_theme.domestic_count, 0) as domestic_count,
        coalesce(per_theme.signed_count, 0) as signed_count,
    from themes
    left join per_theme using (theme)
)

select * from final
