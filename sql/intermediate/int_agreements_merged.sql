-- grain: one row per agreement (an unordered pair), merged from all its mentions
with mentions as (
    select
        *,
        -- the mention that names the partner: the most confident, then one a gazetteer placed, then the
        -- first reported (event_order is unique within a pair, so ties are broken the same way every build)
        (confidence, partner_geonameid is not null, -event_order) as naming_rank,
    from int_mentions_keyed
),

vocabulary as (
    select * from stg_reference__vocabulary where kind = 'status'
),

per_pair as (
    select
        pair_key,
        -- orientation of domestic pairs and the partner's identity: from the first-reported mention
        arg_min(ua_hromada_code, event_order) as hromada_code,
        bool_or(is_domestic) as is_domestic,
        arg_min(partner_hromada_code, event_order) filter (where is_domestic) as first_partner_hromada_code,
        arg_max(partner_name_uk, naming_rank) filter (where partner_name_uk is not null) as partner_name_uk,
        arg_max(partner_name_en, naming_rank) filter (where partner_name_en is not null) as partner_name_en,
        arg_max(partner_country_code, naming_rank) as partner_country_code,
        max(partner_geonameid) as partner_geonameid,
        arg_max(partner_lat, naming_rank) filter (where partner_lat is not null) as partner_lat,
        arg_max(partner_lon, naming_rank) filter (where partner_lat is not null) as partner_lon,
        -- lifecycle: the latest dated event, unless an undated event reports a later stage
        arg_max(status, (sort_date, status_rank)) filter (where sort_date is not null) as latest_dated_status,
        max(status_rank) filter (where sort_date is null) as undated_max_rank,
        arg_max(type, (sort_date, status_rank, event_order)) filter (where type <> 'other' and sort_date is not null)
            as latest_dated_type,
        arg_max(type, (status_rank, event_order)) filter (where type <> 'other') as highest_stage_type,
        -- the earliest date, and of dates that can mean the same day the most precise one
        arg_min(event_date_value, (event_period_end, date_diff('day', event_date_value, event_period_end)))
            filter (where event_date_value is not null) as first_event_date,
        max(event_date_value) as latest_event_date,
        arg_min(event_date_value, (event_period_end, date_diff('day', event_date_value, event_period_end)))
            filter (where status = 'signed' and event_date_value is not null) as signed_date,
        max(published_date) as latest_published_date,
        arg_max(programme, (sort_date, status_rank, event_order)) filter (where programme is not null) as programme,
        list_sort(list_distinct(flatten(list(themes)))) as themes,
        count(distinct source_id) as source_count,
        count(*) as mention_count,
        max(confidence) as max_confidence,
        bool_and(mentioned_in_passing) as is_background_only,
    from mentions
    group by pair_key
),

conflicts as (
    -- two sources that report different stages for the same date (or both undated)
    select pair_key, true as has_conflicting_status
    from mentions
    group by pair_key, coalesce(cast(event_date_value as varchar), 'undated')
    having count(distinct status) > 1 and count(distinct source_id) > 1
),

final as (
    select
        substr(md5(per_pair.pair_key), 1, 16) as agreement_id,
        per_pair.pair_key,
        per_pair.hromada_code,
        per_pair.is_domestic,
        case when per_pair.is_domestic then 'domestic' else 'foreign' end as partner_kind,
        per_pair.first_partner_hromada_code as partner_hromada_code,
        per_pair.partner_name_uk,
        per_pair.partner_name_en,
        per_pair.partner_country_code,
        per_pair.partner_geonameid,
        per_pair.partner_lat,
        per_pair.partner_lon,
        case
            when per_pair.latest_dated_status is null then undated_status.code
            when per_pair.undated_max_rank > dated_status.sort_order then undated_status.code
            else per_pair.latest_dated_status
        end as status,
        coalesce(per_pair.latest_dated_type, per_pair.highest_stage_type, 'other') as type,
        per_pair.first_event_date,
        per_pair.latest_event_date,
        per_pair.signed_date,
        per_pair.latest_published_date,
        per_pair.programme,
        per_pair.themes,
        per_pair.source_count,
        per_pair.mention_count,
        per_pair.max_confidence,
        coalesce(conflicts.has_conflicting_status, false) as has_conflicting_status,
        per_pair.is_background_only,
    from per_pair
    left join vocabulary as dated_status on dated_status.code = per_pair.latest_dated_status
    left join vocabulary as undated_status on undated_status.sort_order = per_pair.undated_max_rank
    left join (select distinct pair_key, has_conflicting_status from conflicts) as conflicts
        on conflicts.pair_key = per_pair.pair_key
)

select * from final
