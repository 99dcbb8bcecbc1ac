-- Demo doorplates along the demo roads (place_name rows with proposed_by = 'demo' and a numbering direction).
-- Every 100 m from the numbering start (east end of EW roads, north end of NS roads), a doorplate 15 m to each
-- side: odd numbers on the right of the numbering direction (north side of EW, west side of NS roads), even on
-- the left; every tenth odd doorplate also gets a 之一 plate 30 m further on. Each point takes the community
-- (level-5 division) whose polygon contains it; points in none are dropped. Deterministic.
with road as materialized (
    select r.id, r.code, r.name, r.numbering, r.geom,
           st_xmin(r.geom) x0, st_xmax(r.geom) x1, st_ymin(r.geom) y0, st_ymax(r.geom) y1,
           st_length(r.geom::geography) len
      from place_name_read r
     where r.proposed_by = 'demo' and r.numbering is not null and r.status = 'approved' and r.division_code like :city || '%'),
plate as (
    select r.id road_id, r.code road_code, r.name road_name, k,
           side, (case when side = 'odd' then 2 * k + 1 else 2 * k + 2 end) as number, suffix,
           -- metres along the road from the numbering start
           (20 + 100 * k + case when suffix is null then 0 else 30 end)::float8 as d, r.numbering, r.x0, r.x1, r.y0, r.y1
      from road r
     cross join lateral generate_series(0, greatest(floor((r.len - 40) / 100)::int, 0)) k
     cross join (values ('odd'), ('even')) s(side)
     cross join lateral (select null::text union all select '之一' where side = 'odd' and k % 10 = 3) x(suffix)
     where 20 + 100 * k + case when suffix is null then 0 else 30 end < r.len - 10),
pt as (
    select p.*, case
             when p.numbering = 'EW' then st_setsrid(st_makepoint(
                  p.x1 - p.d / (111320 * cos(radians(p.y0))), p.y0 + (case when p.side = 'odd' then 15 else -15 end) / 110574.0), 4490)
             else st_setsrid(st_makepoint(
                  p.x0 + (case when p.side = 'odd' then -15 else 15 end) / (111320 * cos(radians(p.y1))), p.y1 - p.d / 110574.0), 4490)
           end as g
      from plate p),
located as materialized (
    select pt.*, (select min(dp.code) from division_part_read dp where dp.level = 5 and st_intersects(dp.geom, pt.g)) community
      from pt),
chain as (
    select l.*, (select string_agg(d.name, '' order by d.level) from division_read d
                  where d.code in (substr(l.community, 1, 2) || '0000', substr(l.community, 1, 4) || '00', substr(l.community, 1, 6),
                                   substr(l.community, 1, 9), l.community)) as prefix
      from located l where l.community is not null)
insert into address(code, road_id, number, number_suffix, community_code, geom, status, full_text, source, approval)
select c.community || right(c.road_code, 6) || lpad(c.number::text, 5, '0') || case when c.suffix is null then '00' else '01' end,
       c.road_id, c.number, c.suffix, c.community, c.g, 'active',
       c.prefix || c.road_name || c.number || '号' || coalesce(c.suffix, ''), 'demo', 'approved'
  from chain c
on conflict (code) do nothing;
