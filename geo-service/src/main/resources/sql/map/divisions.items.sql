-- Division polygons as GeoJSON features, simplified for the zoom (:tol degrees; 0 = full detail).
-- :level 0 = any level; :id '' = any code; :bbox false = no bbox filter.
select json_build_object(
         'type', 'Feature', 'id', d.code,
         'geometry', ST_AsGeoJSON(case when :tol > 0 then ST_SimplifyPreserveTopology(d.geom, :tol) else d.geom end, 7, 0)::json,
         'properties', json_build_object('code', d.code, 'name', d.name, 'shortName', d.short_name, 'level', d.level,
                                         'kind', d.kind, 'parentCode', d.parent_code, 'urbanRural', d.urban_rural,
                                         'population', d.population, 'households', d.households,
                                         'elderly', d.elderly, 'areaKm2', d.area_km2, 'geometrySource', d.geom_source))::text as feature,
       count(*) over () as total,
       d.code as page_key
from division_read d
where d.status = 'active' and d.geom is not null
  and (:level = 0 or d.level = :level)
  and (:id = '' or d.code = :id)
  and (:q = '' or d.name like '%' || :q || '%')
  and (not :bbox or d.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4490))
  and (:after = '' or d.code > :after)
order by d.code
limit :limit offset :offset
