-- City-scale benchmark set: every demo doorplate gets buildings × units × rooms (2 × 2 × 5 = 20 rows each, about
-- 1.07 million from the ~53,600 demo doorplates), same point and community as its doorplate, source = 'bench'.
-- :limit caps the number of rows. Run by scripts/bench/load-addresses.sh (psql variables).
begin;
drop index if exists address_full_trgm;
insert into address(code, road_id, number, number_suffix, building, unit, room, community_code, geom, status, full_text, source, approval)
select a.code || '-' || b || '-' || u || '-' || r, a.road_id, a.number, a.number_suffix, b::text, u::text, r::text, a.community_code,
       a.geom, 'active', a.full_text || b || '栋' || u || '单元' || r || '室', 'bench', 'approved'
  from address a
 cross join generate_series(1, 2) b
 cross join generate_series(1, 2) u
 cross join unnest(array[101, 102, 201, 202, 301]) r
 where a.source = 'demo'
 order by a.id, b, u, r
 limit :limit
on conflict (code) do nothing;
create index address_full_trgm on address using gin (full_text gin_trgm_ops);
commit;
analyze address;
