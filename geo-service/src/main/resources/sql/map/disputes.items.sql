-- Disputed areas (界线争议) with their parties and status, simplified for the zoom.
select json_build_object(
         'type', 'Feature', 'id', d.id::text,
         'geometry', ST_AsGeoJSON(case when :tol > 0 then ST_SimplifyPreserveTopology(d.area, :tol) else d.area end, 7, 0)::json,
         'properties', json_build_object('id', d.id, 'name', d.title, 'leftCode', d.left_code, 'rightCode', d.right_code,
                                         'lineId', d.line_id, 'status', d.status, 'areaKm2', round(d.area_km2::numeric, 3),
                                         'settledOn', d.settled_on))::text as feature,
       count(*) over () as total,
       d.id::text as page_key
from boundary_dispute_read d
where (:id = '' or d.id::text = :id)
  and (:q = '' or d.title like '%' || :q || '%')
  and (not :bbox or d.area && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4490))
  and (:after = '' or d.id > nullif(:after, '')::bigint)
order by d.id
limit :limit offset :offset
