-- Published by the place-name feature: approved (and abolished, historic) standard names, read-only. Names are
-- points, lines or areas; one view per geometry kind so that every published layer has one geometry type
-- (GIS clients and GeoPackage need that). Proposed, under-review and rejected names are not public.
create view place_name_public_point as
select p.id, p.code::text as code, p.name, p.spelling, p.category_code::text as "categoryCode",
       p.division_code::text as "divisionCode", p.status, p.is_current as "isCurrent", p.approval_date as "approvalDate",
       p.location_text as "locationText",
       ST_Multi(p.geom)::geometry(MultiPoint, 4490) as geom
  from place_name p
 where p.status in ('approved', 'abolished') and geometrytype(p.geom) in ('POINT', 'MULTIPOINT');

create view place_name_public_line as
select p.id, p.code::text as code, p.name, p.spelling, p.category_code::text as "categoryCode",
       p.division_code::text as "divisionCode", p.status, p.is_current as "isCurrent", p.approval_date as "approvalDate",
       p.location_text as "locationText",
       ST_Multi(p.geom)::geometry(MultiLineString, 4490) as geom
  from place_name p
 where p.status in ('approved', 'abolished') and geometrytype(p.geom) in ('LINESTRING', 'MULTILINESTRING');

create view place_name_public_area as
select p.id, p.code::text as code, p.name, p.spelling, p.category_code::text as "categoryCode",
       p.division_code::text as "divisionCode", p.status, p.is_current as "isCurrent", p.approval_date as "approvalDate",
       p.location_text as "locationText",
       ST_Multi(p.geom)::geometry(MultiPolygon, 4490) as geom
  from place_name p
 where p.status in ('approved', 'abolished') and geometrytype(p.geom) in ('POLYGON', 'MULTIPOLYGON');
