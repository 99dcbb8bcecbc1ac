-- The facility kinds the five-year plans count (domain.md §9) and their attributes. Existing rows keep their
-- kind and values; the new attributes are null (unknown) until someone records them.
alter table facility drop constraint facility_kind_check;
alter table facility add constraint facility_kind_check check (kind in (
    'nursing_home','township_centre','community_complex','regional_centre','community_station','rural_mutual_aid',
    'elderly_canteen',
    'funeral_home','funeral_service_centre','public_cemetery','commercial_cemetery','columbarium',
    'community_service_centre','volunteer_station','social_work_station','social_org_incubator',
    'minor_protection_institution','minor_protection_station','children_home','mental_rehab_station',
    'relief_station','marriage_registry'));

-- nursing_home subtypes: tekun 特困供养机构, disabled_tekun 失能特困人员集中照护机构
alter table facility add column subtype text check (subtype in ('tekun','disabled_tekun'));
-- elderly-care functions: full_care 全托, day_care 日托, home_care 上门, guidance 对下指导
alter table facility add column functions text[] check (functions <@ array['full_care','day_care','home_care','guidance']::text[]);
-- 医养结合 (medical and elderly care combined)
alter table facility add column medical_care boolean;
-- funeral homes and funeral service centres: cremators and the eco-friendly (环保型) ones among them
alter table facility add column cremators integer check (cremators between 0 and 500);
alter table facility add column eco_cremators integer check (eco_cremators >= 0 and eco_cremators <= cremators);
-- commercial cemeteries: the public-welfare section (公益性墓区)
alter table facility add column public_section_area_m2 double precision check (public_section_area_m2 >= 0);
-- marriage registries: national grade (国家3A/4A/5A级婚姻登记机关)
alter table facility add column grade text check (grade in ('3A','4A','5A'));

-- The read view other features use for indicators: facilities operating on a date with every counted attribute.
create function facility_operating_at(d date) returns table (
    id bigint, kind text, subtype text, name text, division_code varchar(12), geom geometry(Point,4490), beds integer,
    nursing_beds integer, floor_area_m2 double precision, functions text[], medical_care boolean, cremators integer,
    eco_cremators integer, public_section_area_m2 double precision, land_area_m2 double precision, grade text)
language sql stable as $$
    select f.id, f.kind, f.subtype, f.name, f.division_code, f.geom, f.beds, f.nursing_beds, f.floor_area_m2, f.functions,
           f.medical_care, f.cremators, f.eco_cremators, f.public_section_area_m2, f.land_area_m2, f.grade
      from facility f
     where f.status in ('operating', 'closed')
       and (f.opened_on is null or f.opened_on <= d)
       and (f.closed_on is null or f.closed_on > d)
$$;
