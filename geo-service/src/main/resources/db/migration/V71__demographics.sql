-- Demographics (人口与老年人口) per division and year, the denominators of the plan indicators. Owned by
-- cn.civgeo.demographics. A year's row is replaced by a newer import; the row it replaced goes to
-- demographics_history, so nothing is lost.

create table demographics (
    division_code          varchar(12) not null,
    year                   smallint not null check (year between 1949 and 2100),
    population             integer check (population >= 0),
    households             integer check (households >= 0),
    age60                  integer check (age60 >= 0),
    age65                  integer check (age65 >= 0),
    age80                  integer check (age80 >= 0),
    -- 失能 / 半失能 elderly, 特困 (extremely poor, state-supported) elderly
    disabled_elderly       integer check (disabled_elderly >= 0),
    semi_disabled_elderly  integer check (semi_disabled_elderly >= 0),
    tekun_elderly          integer check (tekun_elderly >= 0),
    urban_rural            text check (urban_rural in ('urban','rural')),
    -- 火化区: the unit is in an area where cremation is the rule (the denominator of burial-facility coverage)
    cremation_area         boolean,
    source                 text,
    import_id              bigint,
    version                integer not null default 0,
    updated_by             text not null default 'system',
    updated_at             timestamptz not null default now(),
    primary key (division_code, year),
    check (age60 is null or population is null or age60 <= population),
    check (age65 is null or age60 is null or age65 <= age60),
    check (age80 is null or age65 is null or age80 <= age65)
);
create index demographics_year on demographics(year);

create table demographics_history (
    id             bigint generated always as identity primary key,
    division_code  varchar(12) not null,
    year           smallint not null,
    row_before     jsonb not null,
    replaced_by    text not null,
    replaced_at    timestamptz not null default now(),
    import_id      bigint
);
create index demographics_history_unit on demographics_history(division_code, year);

create table demographics_import (
    id          bigint generated always as identity primary key,
    filename    text,
    mode        text not null,
    created_by  text not null,
    created_at  timestamptz not null default now(),
    accepted    integer not null,
    rejected    integer not null,
    findings    jsonb not null default '[]'::jsonb
);

-- The read view other features use: each division's latest row of a year up to y (as-of by year).
create function demographics_at(y integer) returns table (
    division_code varchar(12), year smallint, population integer, households integer, age60 integer, age65 integer,
    age80 integer, disabled_elderly integer, semi_disabled_elderly integer, tekun_elderly integer, urban_rural text,
    cremation_area boolean)
language sql stable as $$
    select distinct on (d.division_code) d.division_code, d.year, d.population, d.households, d.age60, d.age65, d.age80,
           d.disabled_elderly, d.semi_disabled_elderly, d.tekun_elderly, d.urban_rural, d.cremation_area
      from demographics d
     where d.year <= y
     order by d.division_code, d.year desc
$$;

-- Figures that lived on the division rows until now (the demo city's population, households, elderly 60+) move
-- here as the figures of 2025, so existing databases keep their denominators.
insert into demographics(division_code, year, population, households, age60, urban_rural, cremation_area, source)
select code, 2025, population, households, least(elderly, population), urban_rural, true,
       'migrated from division figures (V71)'
  from division
 where status = 'active' and (population is not null or households is not null or elderly is not null)
on conflict do nothing;
