-- Published by the facility feature: facilities (all kinds; the OGC service splits them by kind) with their
-- opening validity, and the stored walking service areas, read-only.
create view facility_public as
select f.id, f.kind, f.name, f.address, f.division_code::text as "divisionCode", f.operator_kind as "operatorKind",
       f.operator_name as "operatorName", f.beds, f.nursing_beds as "nursingBeds", f.floor_area_m2 as "floorAreaM2",
       f.capacity, f.status, f.opened_on as "openedOn", f.closed_on as "closedOn",
       f.geom::geometry(Point, 4490) as geom
  from facility f;

create view service_area_public as
select s.facility_id as id, s.facility_id as "facilityId", f.name as "facilityName", f.kind as "facilityKind",
       s.method, s.minutes, s.speed_mps as "speedMps", round(s.area_m2::numeric, 1)::double precision as "areaM2",
       s.stale, s.computed_at::date as "computedOn",
       s.geom::geometry(MultiPolygon, 4490) as geom
  from service_area s join facility f on f.id = s.facility_id;
