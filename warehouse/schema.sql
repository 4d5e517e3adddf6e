-- raw layer: written only by etl/, read by sql/staging. Every statement is idempotent.

create table if not exists ref_oblast (
    oblast_code varchar primary key,
    iso_3166_2 varchar,
    name_uk varchar not null,
    name_en varchar not null,
    is_occupied_crimea boolean not null default false,
    geometry_json varchar,
    centroid_lat double,
    centroid_lon double,
);

create table if not exists ref_raion (
    raion_code varchar primary key,
    oblast_code varchar not null,
    name_uk varchar not null,
    name_en varchar not null,
);

create table if not exists ref_hromada (
    hromada_code varchar primary key,
    unit_category varchar not null,          -- 'H' hromada, 'K' city with special status
    name_uk varchar not null,               -- full form: "Ізюмська міська громада"
    short_name_uk varchar,                  -- codifier form: "Ізюмська"
    hromada_type varchar,                    -- міська / селищна / сільська / місто зі спеціальним статусом
    name_en varchar,
    raion_code varchar,
    oblast_code varchar not null,
    centre_code varchar,
    centre_name_uk varchar,
    centre_category varchar,
    lat double,
    lon double,
    geocode_quality varchar,                 -- exact / raion_consistent / settlement_fallback / raion_outlier / raion_median
    geonameid bigint,
    population bigint,                       -- of the centre, from GeoNames
    is_crimea boolean not null default false,
);

create table if not exists ref_settlement (
    settlement_code varchar primary key,
    name_uk varchar not null,
    name_en varchar,
    category varchar not null,
    hromada_code varchar,
    raion_code varchar,
    oblast_code varchar,
    is_centre boolean not null default false,
);

create table if not exists ref_country (
    country_code varchar primary key,        -- ISO 3166-1 alpha-2
    alpha3 varchar,
    numeric_code varchar,
    name_uk varchar,
    name_en varchar not null,
    geometry_json varchar,
    centroid_lat double,
    centroid_lon double,
);

create table if not exists ref_place (
    geonameid bigint primary key,
    name varchar not null,
    country_code varchar not null,
    admin1_code varchar,
    population bigint,
    lat double,
    lon double,
    names_cyrillic varchar[],
    names_latin varchar[],
);

create table if not exists raw_ingest_runs (
    run_id varchar primary key,
    source_kind varchar not null,            -- registry / articles
    source_file varchar not null,
    source_sha256 varchar,
    read_count integer not null,
    loaded_count integer not null,
    rejected_count integer not null,
    skipped_count integer not null default 0, -- rows already in the warehouse from an earlier run
    started_at timestamp not null,
    finished_at timestamp not null,
);

create table if not exists raw_rejects (
    reject_id varchar primary key,
    source_kind varchar not null,
    source_file varchar not null,
    source_sha256 varchar,
    row_number integer,
    column_name varchar,
    value varchar,
    reason varchar not null,
    raw_record varchar,
    rejected_at timestamp not null,
);

create table if not exists raw_documents (
    document_id varchar primary key,         -- sha256 of the normalised text
    source varchar not null,                 -- file path or url
    title varchar,
    published_date date,
    lang varchar,
    format varchar,                          -- txt / html / jsonl
    text varchar not null,
    ingested_at timestamp not null,
);

create table if not exists raw_mentions (
    mention_id varchar primary key,
    source_kind varchar not null,            -- registry / article
    source_id varchar not null,              -- document_id or register file sha256
    source_ref varchar,                      -- file path or url shown to users
    row_number integer,
    ua_hromada_code varchar not null,
    partner_kind varchar not null,           -- foreign / domestic
    partner_name_uk varchar,
    partner_name_en varchar,
    partner_country_code varchar,
    partner_geonameid bigint,
    partner_hromada_code varchar,
    partner_lat double,
    partner_lon double,
    type varchar not null,
    status varchar not null,
    event_date varchar,                      -- YYYY-MM-DD, YYYY-MM or YYYY
    published_date date,
    themes varchar[],
    programme varchar,
    mentioned_in_passing boolean not null default false,
    confidence double,
    evidence varchar,
    notes varchar[],                         -- what the reader noticed but did not reject (e.g. partner not geocoded)
    source_url varchar,                      -- the http(s) link that reports it (register «Джерело», article url)
    loaded_at timestamp not null,
);

create table if not exists ref_vocabulary (
    kind varchar not null,                   -- type / status / theme
    code varchar not null,
    label_uk varchar not null,
    label_en varchar not null,
    sort_order integer not null,
    primary key (kind, code),
);

create table if not exists build_info (
    key varchar primary key,
    value varchar,
);
