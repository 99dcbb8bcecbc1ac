-- Surveyed line vs the shared edge of its two divisions' polygons, in the Gauss-Krueger zone :srid (metres).
-- One row per stretch (of either geometry) lying farther than :tol from the other; the summary columns repeat.
with l as (
    select geom, left_code, right_code from boundary_line where id = :id
), e as (
    select ST_LineMerge(ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 2)) as edge
      from l join division_read a on a.code = l.left_code join division_read b on b.code = l.right_code
), p as (
    -- densify in degrees first (about every 50 m) so that straight lon/lat segments keep their shape in the zone
    select ST_Transform(ST_Segmentize(l.geom, 0.0005), :srid) as lg, ST_Transform(ST_Segmentize(e.edge, 0.0005), :srid) as eg
      from l, e where not ST_IsEmpty(e.edge)
), s as (
    select 'line' as which, (ST_Dump(ST_Difference(lg, ST_Buffer(eg, :tol)))).geom as g, eg as other from p
    union all
    select 'edge', (ST_Dump(ST_Difference(eg, ST_Buffer(lg, :tol)))).geom, lg from p
)
select p.hausdorff, p.line_m, p.edge_m, s.which, s.length_m, s.max_m, s.geometry
  from (select ST_HausdorffDistance(lg, eg, 0.02) as hausdorff, ST_Length(lg) as line_m, ST_Length(eg) as edge_m from p) p
  left join lateral (
      select which, ST_Length(g) as length_m,
             (select max(ST_Distance((dp).geom, other)) from ST_DumpPoints(ST_Segmentize(g, 5)) dp) as max_m,
             ST_AsGeoJSON(ST_Transform(g, 4490), 7) as geometry
        from s where ST_Length(g) > 0.01
  ) s on true
 order by s.max_m desc nulls last, s.which
