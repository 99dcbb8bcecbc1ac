-- One label point per division (division_tile_label_read, V104: a point inside the polygon, so labels of concave units
-- stay inside; computed once when the geometry changes). :bbox selects labels whose point lies in the box.
select json_build_object(
         'type', 'Feature', 'id', d.code,
         'geometry', ST_AsGeoJSON(l.geom, 6, 0)::json,
         'properties', json_build_object('code', d.code, 'name', d.name,
                                         'shortName', coalesce(d.short_name, d.name), 'level', d.level,
                                         'kind', d.kind))::text as feature,
       count(*) over () as total,
       concat_ws(chr(31), case when :q <> '' then d.level else 0 end, d.code) as page_key
from division_tile_label_read l join division_read d on d.code = l.code
where d.status = 'active'
  and (:level = 0 or l.level = :level)
  and (:id = '' or l.code = :id)
  and (:q = '' or d.name like '%' || :q || '%' or d.pinyin ilike :q || '%' or d.initials ilike :q || '%')
  and (not :bbox or l.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4490))
  and (:after = '' or (case when :q <> '' then d.level else 0 end, d.code) > (nullif(split_part(:after, chr(31), 1), '')::int, split_part(:after, chr(31), 2)))
order by case when :q <> '' then d.level else 0 end, d.code
limit :limit offset :offset
