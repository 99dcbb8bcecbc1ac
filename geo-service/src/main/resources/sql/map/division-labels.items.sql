-- One label point per division (a point inside the polygon, so labels of concave units stay inside).
select json_build_object(
         'type', 'Feature', 'id', d.code,
         'geometry', ST_AsGeoJSON(ST_PointOnSurface(d.geom), 6, 0)::json,
         'properties', json_build_object('code', d.code, 'name', d.name,
                                         'shortName', coalesce(d.short_name, d.name), 'level', d.level,
                                         'kind', d.kind))::text as feature,
       count(*) over () as total
from division d
where d.status = 'active' and d.geom is not null
  and (:level = 0 or d.level = :level)
  and (:id = '' or d.code = :id)
  and (:q = '' or d.name like '%' || :q || '%' or d.pinyin ilike :q || '%' or d.initials ilike :q || '%')
  and (not :bbox or d.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4490))
order by case when :q <> '' then d.level else 0 end, d.code
limit :limit offset :offset
