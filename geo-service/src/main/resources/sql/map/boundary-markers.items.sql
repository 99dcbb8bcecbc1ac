-- Boundary markers (界桩) with their last inspection condition. :level filters by the line's level (0 = any).
select json_build_object(
         'type', 'Feature', 'id', k.id::text,
         'geometry', ST_AsGeoJSON(k.geom, 7, 0)::json,
         'properties', json_build_object('id', k.id, 'number', k.number, 'type', k.type_code, 'lineId', k.line_id,
                                         'lineCode', l.code, 'lineName', l.name, 'level', l.level, 'status', k.status,
                                         'condition', k.last_condition, 'lastInspectedOn', k.last_inspected_on,
                                         'version', k.version))::text as feature,
       count(*) over () as total,
       concat_ws(chr(31), k.number, k.id) as page_key
from boundary_marker_read k join boundary_line_read l on l.id = k.line_id
where k.status <> 'removed'
  and (:level = 0 or l.level = :level)
  and (:id = '' or k.id::text = :id)
  and (:q = '' or k.number like :q || '%')
  and (not :bbox or k.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4490))
  and (:after = '' or (k.number, k.id) > (split_part(:after, chr(31), 1), nullif(split_part(:after, chr(31), 2), '')::bigint))
order by k.number, k.id
limit :limit offset :offset
