-- grain: one row per mention, with the key of the (unordered) pair it speaks of
with mentions as (
    select * from stg_raw__mentions
),

vocabulary as (
    select * from stg_reference__vocabulary where kind = 'status'
),

name_keys as (
    -- a foreign partner's name in either script, blind to case, accents, spaces, hyphens and apostrophes
    select
        *,
        list_transform([partner_name_uk, partner_name_en],
            lambda name: nullif(lower(strip_accents(regexp_replace(name, '[\s''’ʼ`.-]+', '', 'g'))), '')) as name_keys,
    from mentions
),

named as (
    select name_keys.* exclude (name_keys), name_keys[1] as partner_name_uk_key, name_keys[2] as partner_name_en_key,
    from name_keys
),

geocoded_names as (
    -- every name under which a hromada's sources name a geocoded foreign partner
    select
        ua_hromada_code,
        partner_country_code,
        unnest([partner_name_uk_key, partner_name_en_key]) as name_key,
        partner_geonameid,
    from named
    where not is_domestic and partner_geonameid is not null
),

unambiguous_names as (
    -- a name that stands for one geocoded place among that hromada's partners
    select ua_hromada_code, partner_country_code, name_key, min(partner_geonameid) as partner_geonameid,
    from geocoded_names
    where name_key is not null
    group by ua_hromada_code, partner_country_code, name_key
    having count(distinct partner_geonameid) = 1
),

placed_by_name as (
    -- a partner a source did not geocode takes the place another source of the same hromada geocoded under
    -- one of its names (when its names point at one place), so the pair has one key whichever source spoke
    select named.mention_id, min(places.partner_geonameid) as partner_geonameid,
    from named
    inner join unambiguous_names as places
        on places.ua_hromada_code = named.ua_hromada_code
        and places.partner_country_code = named.partner_country_code
        and places.name_key in (named.partner_name_uk_key, named.partner_name_en_key)
    where not named.is_domestic and named.partner_geonameid is null
    group by named.mention_id
    having count(distinct places.partner_geonameid) = 1
),

resolved as (
    select
        named.*,
        coalesce(named.partner_geonameid, placed_by_name.partner_geonameid) as partner_place_id,
    from named
    left join placed_by_name using (mention_id)
),

keyed as (
    select
        resolved.* exclude (partner_place_id, partner_name_uk_key, partner_name_en_key),
        case
            when is_domestic then least(ua_hromada_code, partner_hromada_code)
                || '~' || greatest(ua_hromada_code, partner_hromada_code)
            when partner_place_id is not null then ua_hromada_code || '>gn:' || partner_place_id
            else ua_hromada_code || '>' || partner_country_code || ':'
                || coalesce(partner_name_uk_key, partner_name_en_key, 'mention:' || mention_id)
        end as pair_key,
        vocabulary.sort_order as status_rank,
        coalesce(event_date_value, published_date) as sort_date,
    from resolved
    left join vocabulary on vocabulary.code = resolved.status
),

final as (
    select
        *,
        row_number() over (
            partition by pair_key
            order by sort_date nulls last, status_rank, source_kind, source_id, row_number, mention_id
        ) as event_order,
    from keyed
)

select * from final
