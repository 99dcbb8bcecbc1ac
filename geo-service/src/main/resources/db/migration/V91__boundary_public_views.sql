-- Published by the boundary feature: read-only views of the public boundary layers (lines in force or awaiting
-- re-survey, markers not removed, disputed areas). camelCase property columns, `id` feature id, typed `geom`.
create view boundary_line_public as
select l.id, l.code, l.name, l.level::int as level, l.left_code::text as "leftCode", l.right_code::text as "rightCode",
       l.status, round(l.length_km::numeric, 3)::double precision as "lengthKm", l.agreement_no as "agreementNo",
       l.agreement_date as "agreementDate", l.direction,
       l.geom::geometry(MultiLineString, 4490) as geom
  from boundary_line l
 where l.status <> 'superseded';

create view boundary_marker_public as
select k.id, k.number, k.type_code::text as "typeCode", k.line_id as "lineId", l.code as "lineCode",
       l.name as "lineName", l.level::int as level, k.status, k.last_condition as condition,
       k.last_inspected_on as "lastInspectedOn", k.installed_on as "installedOn",
       k.geom::geometry(Point, 4490) as geom
  from boundary_marker k join boundary_line l on l.id = k.line_id
 where k.status <> 'removed';

create view boundary_dispute_public as
select d.id, d.title as name, d.left_code::text as "leftCode", d.right_code::text as "rightCode",
       d.line_id as "lineId", d.status, round(d.area_km2::numeric, 3)::double precision as "areaKm2",
       d.settled_on as "settledOn",
       d.area::geometry(MultiPolygon, 4490) as geom
  from boundary_dispute d;
