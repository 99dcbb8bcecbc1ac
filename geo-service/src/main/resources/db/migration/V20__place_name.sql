-- Standard place names (标准地名): categories, the registry, former names, the naming workflow's events and
-- exemptions from the 大/洋/怪/重 checks. Geometry in EPSG:4490 (CGCS2000); lengths and distances on the ellipsoid.

-- The 12 classes of the 2nd national place-name census with finer 4-digit codes in the style of GB/T 18521
-- (class code = first two digits; a last digit 9 means "other"). Subclass numbering is CivGeo's own where the
-- standard's exact numbering was not at hand; the class codes follow the census order.
create table place_category (
    code        varchar(4) primary key check (code ~ '^[0-9]{2}([0-9]{2})?$'),
    class_code  varchar(2) not null,
    name        text not null,
    -- Geometry kinds a record of this category normally has: point, line, polygon.
    geometry_kinds text[] not null default array['point','line','polygon'],
    sort        smallint not null
);
insert into place_category(code, class_code, name, geometry_kinds, sort) values
 ('11','11','海域', array['point','polygon'], 1),
 ('1110','11','海', array['polygon'], 2), ('1120','11','海湾', array['point','polygon'], 3), ('1130','11','海峡', array['line','polygon'], 4),
 ('1140','11','海岛', array['point','polygon'], 5), ('1150','11','半岛、岬角', array['point','polygon'], 6), ('1160','11','滩涂、礁', array['point','polygon'], 7),
 ('1190','11','其他海域', array['point','line','polygon'], 8),
 ('12','12','陆地水系', array['line','polygon'], 10),
 ('1210','12','河流', array['line'], 11), ('1220','12','湖泊', array['polygon'], 12), ('1230','12','运河、渠', array['line'], 13),
 ('1240','12','泉', array['point'], 14), ('1250','12','瀑布', array['point'], 15), ('1290','12','其他水系', array['point','line','polygon'], 16),
 ('13','13','陆地地形', array['point','polygon'], 20),
 ('1310','13','山、山峰', array['point','polygon'], 21), ('1320','13','山脉', array['line','polygon'], 22), ('1330','13','山口、关隘', array['point'], 23),
 ('1340','13','洞穴', array['point'], 24), ('1350','13','平原、盆地、谷地', array['polygon'], 25), ('1360','13','陆地岛屿、沙洲', array['point','polygon'], 26),
 ('1390','13','其他地形', array['point','line','polygon'], 27),
 ('21','21','行政区域', array['polygon'], 30),
 ('2110','21','省级行政区域', array['polygon'], 31), ('2120','21','地级行政区域', array['polygon'], 32), ('2130','21','县级行政区域', array['polygon'], 33),
 ('2140','21','乡级行政区域', array['polygon'], 34),
 ('22','22','群众自治组织', array['point','polygon'], 40),
 ('2210','22','社区（居民委员会）', array['point','polygon'], 41), ('2220','22','村（村民委员会）', array['point','polygon'], 42),
 ('2290','22','其他群众自治组织', array['point','polygon'], 43),
 ('23','23','非行政区域', array['polygon'], 50),
 ('2310','23','开发区、园区', array['point','polygon'], 51), ('2320','23','农林牧渔区', array['point','polygon'], 52), ('2330','23','片区', array['polygon'], 53),
 ('2390','23','其他非行政区域', array['point','polygon'], 54),
 ('24','24','居民点', array['point','polygon'], 60),
 ('2410','24','城镇居民点（小区）', array['point','polygon'], 61), ('2420','24','农村居民点（自然村）', array['point','polygon'], 62),
 ('2490','24','其他居民点', array['point','polygon'], 63),
 ('25','25','交通运输设施', array['point','line'], 70),
 ('2510','25','铁路', array['line'], 71), ('2520','25','公路', array['line'], 72), ('2530','25','城市道路（街、路、大道）', array['line'], 73),
 ('2540','25','巷、胡同、里弄', array['line'], 74), ('2550','25','桥梁', array['point','line'], 75), ('2560','25','隧道', array['line'], 76),
 ('2570','25','车站', array['point','polygon'], 77), ('2580','25','港口、码头、机场', array['point','polygon'], 78),
 ('2590','25','其他交通运输设施', array['point','line','polygon'], 79),
 ('26','26','水利、电力、通信设施', array['point','line','polygon'], 80),
 ('2610','26','水库、坝', array['point','polygon'], 81), ('2620','26','堤防、闸', array['point','line'], 82), ('2630','26','电站', array['point','polygon'], 83),
 ('2640','26','通信设施', array['point'], 84), ('2690','26','其他水利电力通信设施', array['point','line','polygon'], 85),
 ('27','27','纪念地、旅游景点', array['point','polygon'], 90),
 ('2710','27','纪念地、陵园', array['point','polygon'], 91), ('2720','27','公园', array['point','polygon'], 92), ('2730','27','风景区', array['point','polygon'], 93),
 ('2740','27','名胜古迹', array['point','polygon'], 94), ('2750','27','广场', array['point','polygon'], 95), ('2790','27','其他纪念地旅游景点', array['point','polygon'], 96),
 ('28','28','建筑物', array['point','polygon'], 100),
 ('2810','28','楼宇、大厦', array['point','polygon'], 101), ('2820','28','体育场馆', array['point','polygon'], 102), ('2830','28','塔、亭', array['point'], 103),
 ('2890','28','其他建筑物', array['point','polygon'], 104),
 ('29','29','单位', array['point','polygon'], 110),
 ('2910','29','党政机关', array['point','polygon'], 111), ('2920','29','事业单位（学校、医院）', array['point','polygon'], 112), ('2930','29','企业', array['point','polygon'], 113),
 ('2990','29','其他单位', array['point','polygon'], 114);

create sequence place_name_code_seq;

create table place_name (
    id              bigint generated always as identity primary key,
    -- Place-name code, given when the name is approved: county code (6) + category (4) + sequence (6).
    code            varchar(16) unique,
    name            text not null check (length(name) between 1 and 60 and name !~ '\s'),
    short_name      text,
    aliases         text[] not null default '{}',
    -- Romanised spelling by the place-name rules (Taihang Shan); spelling_source 'rules' or 'manual'.
    spelling        text not null,
    spelling_source text not null default 'rules' check (spelling_source in ('rules','manual')),
    pronunciation   text,
    pinyin          text not null,   -- toneless, no spaces (xiamenshi): search and homophone key
    initials        text not null,   -- xms
    category_code   varchar(4) not null references place_category(code) check (length(category_code) = 4),
    -- The smallest division containing the place, and all divisions it lies in (a road may cross several).
    division_code   varchar(12) not null,
    division_codes  varchar(12)[] not null default '{}',
    geom            geometry(Geometry,4490) check (geom is null or (st_srid(geom) = 4490 and geometrytype(geom) in
                        ('POINT','MULTIPOINT','LINESTRING','MULTILINESTRING','POLYGON','MULTIPOLYGON'))),
    location_text   text,            -- 位置描述 for the announcement
    meaning         text,            -- 含义
    history         text,            -- 沿革
    description     text,
    status          text not null check (status in ('proposed','under_review','approved','rejected','abolished')),
    is_current      boolean not null default true,   -- false: a historic name kept for reference
    naming_date     date,
    established_year smallint,
    abolished_year  smallint,
    approval_authority text,
    approval_doc    text,
    approval_date   date,
    announced_at    timestamptz,
    announcement_no text,
    reject_reason   text,
    -- Doorplate numbering direction for roads: EW numbered from east to west, WE, NS north to south, SN.
    numbering       text check (numbering in ('EW','WE','NS','SN')),
    proposed_by     text,
    reviewed_by     text,
    version         integer not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (status <> 'rejected' or reject_reason is not null),
    check (status not in ('approved','abolished') or (approval_date is not null and code is not null))
);
create index place_name_name on place_name(name);
create index place_name_name_trgm on place_name using gin (name gin_trgm_ops);
create index place_name_name_prefix on place_name(name text_pattern_ops);
create index place_name_pinyin on place_name(pinyin text_pattern_ops);
create index place_name_initials on place_name(initials text_pattern_ops);
create index place_name_division on place_name(division_code varchar_pattern_ops);
create index place_name_divisions on place_name using gin (division_codes);
create index place_name_category on place_name(category_code);
create index place_name_geom on place_name using gist (geom);
create index place_name_aliases on place_name using gin (aliases);

-- Former names (曾用名): kept searchable after a rename.
create table place_name_former (
    id            bigint generated always as identity primary key,
    place_name_id bigint not null references place_name(id),
    name          text not null,
    spelling      text,
    pinyin        text not null,
    valid_from    date,
    valid_to      date,
    reason        text,
    approval_doc  text
);
create index place_name_former_of on place_name_former(place_name_id);
create index place_name_former_trgm on place_name_former using gin (name gin_trgm_ops);
create index place_name_former_pinyin on place_name_former(pinyin text_pattern_ops);

-- The naming workflow's history: one row per transition (the audit trail holds the full before/after).
create table place_name_event (
    id            bigint generated always as identity primary key,
    place_name_id bigint not null references place_name(id),
    kind          text not null check (kind in ('propose','submit','approve','reject','announce','rename','abolish','update','reopen')),
    from_status   text,
    to_status     text not null,
    at            timestamptz not null default now(),
    actor         text not null,
    reason        text,
    approval_doc  text,
    detail        jsonb
);
create index place_name_event_of on place_name_event(place_name_id, at);

-- Exemptions from a rule for a name (historic names in settled use), with the reason shown to users.
create table place_name_exemption (
    id         bigint generated always as identity primary key,
    name       text not null,
    rule       text not null check (rule in ('EXAGGERATED','FOREIGN','BIZARRE','DUPLICATE')),
    reason     text not null check (length(reason) >= 4),
    created_by text not null,
    created_at timestamptz not null default now(),
    unique (name, rule)
);
insert into place_name_exemption(name, rule, reason, created_by) values
 ('白求恩国际和平医院', 'FOREIGN', '历史地名：1940年起沿用，纪念白求恩 (historic name in settled use since 1940)', 'system'),
 ('白求恩国际和平医院', 'EXAGGERATED', '历史地名：1940年起沿用 (historic name in settled use since 1940)', 'system'),
 ('列宁公园', 'FOREIGN', '历史地名：沿用已久的纪念性名称 (historic commemorative name in settled use)', 'system');
