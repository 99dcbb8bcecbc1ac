-- Shared edges of neighbouring active divisions of one level inside a scope: one row per pair (a.code < b.code).
-- :level        division level (1 province ... 4 township)
-- :prefix       code prefix of the scope ('' = everywhere)
-- :same_parent  only pairs with the same parent (township lines inside one county)
-- :snap         snapping tolerance in degrees (0 = polygons must share vertices exactly)
with d as (
    select code, name, parent_code, case when ST_IsValid(geom) then geom else ST_MakeValid(geom) end as geom
      from division_read division
     where level = :level and status = 'active' and geom is not null and code like :prefix || '%'
), pairs as (
    select a.code as a_code, a.name as a_name, a.geom as a_geom, b.code as b_code, b.name as b_name, b.geom as b_geom
      from d a
      join d b on a.code < b.code and a.geom && b.geom and ST_Intersects(a.geom, b.geom)
     where (not :same_parent or a.parent_code = b.parent_code)
), edges as (
    select a_code, a_name, b_code, b_name, a_geom, b_geom,
           ST_LineMerge(ST_CollectionExtract(
               case when :snap > 0 then ST_Intersection(ST_MakeValid(ST_Snap(a_geom, b_geom, :snap)), b_geom)
                    else ST_Intersection(a_geom, b_geom) end, 2)) as edge
      from pairs
)
select a_code, a_name, b_code, b_name, ST_AsBinary(a_geom) as a_wkb, ST_AsBinary(b_geom) as b_wkb,
       ST_AsBinary(edge) as edge_wkb, ST_Length(edge::geography) as edge_m
  from edges
 where not ST_IsEmpty(edge) and ST_Length(edge::geography) > :min_length_m
 order by a_code, b_code
