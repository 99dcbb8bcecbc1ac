-- Boundary lines with the worst last-inspection condition of their markers (missing > displaced > damaged > intact;
-- null = no marker inspected yet), simplified for the zoom. :level = lines up to that level (1 province … 4 township;
-- 0 = all), so a map showing counties draws province and county lines but not township ones.
select json_build_object(
         'type', 'Feature', 'id', l.id::text,
         'geometry', ST_AsGeoJSON(case when :tol > 0 then ST_Simplify(l.geom, :tol, true) else l.geom end, 7, 0)::json,
         'properties', json_build_object('id', l.id, 'code', l.code, 'name', l.name, 'level', l.level,
                                         'leftCode', l.left_code, 'rightCode', l.right_code, 'status', l.status,
                                         'lengthKm', round(l.length_km::numeric, 3), 'markers', m.markers,
                                         'condition', m.worst, 'lastInspectedOn', m.last_inspected_on))::text as feature,
       count(*) over () as total,
       concat_ws(chr(31), l.level, l.code, l.id) as page_key
from boundary_line_read l
left join lateral (
    select count(*) as markers, max(k.last_inspected_on) as last_inspected_on,
           (array['intact', 'damaged', 'displaced', 'missing'])[max(case k.last_condition when 'intact' then 1
               when 'damaged' then 2 when 'displaced' then 3 when 'missing' then 4 end)] as worst
    from boundary_marker_read k where k.line_id = l.id
) m on true
where l.status <> 'superseded'
  and (:level = 0 or l.level <= :level)
  and (:id = '' or l.id::text = :id)
  and (:q = '' or l.name like '%' || :q || '%' or l.code like :q || '%')
  and (not :bbox or l.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4490))
  and (:after = '' or (l.level, l.code, l.id) > (nullif(split_part(:after, chr(31), 1), '')::int, split_part(:after, chr(31), 2), nullif(split_part(:after, chr(31), 3), '')::bigint))
order by l.level, l.code, l.id
limit :limit offset :offset
