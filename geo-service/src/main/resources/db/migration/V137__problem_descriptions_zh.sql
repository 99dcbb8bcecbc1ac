-- Boundary feature (#15): the problems inspections open were described in English ("Marker 350203350206001Q damaged,
-- displaced 2.35 m: note", "Terrain changed (001Q–003Q): text"); they are written in Chinese now (InspectionTexts)
-- and printed so in the 联检报告. The ones already stored are put into the same words, with the 'open' step of their
-- history that repeats the description. Descriptions people typed (any other text) are left as they are.
create temporary table problem_zh on commit drop as
with m as (
    select id, description as old,
           regexp_match(description, '^Marker (\S+) (damaged|missing|displaced)(?:, displaced ([0-9]+\.[0-9]+) m)?(?:: (.*))?$') as g
      from boundary_problem
     where category in ('marker_damaged', 'marker_missing', 'marker_displaced')
), s as (
    select id, description as old,
           regexp_match(description, '^(Terrain changed|River moved|Cross-boundary construction)(?: \(([^)]*)\))?(?:: (.*))?$') as g
      from boundary_problem
     where category in ('terrain_change', 'river_moved', 'cross_boundary_construction')
)
select id, old, '界桩 ' || g[1] || ' ' || case g[2] when 'damaged' then '损坏' when 'missing' then '丢失' else '移位' end
                || coalesce('，位移 ' || g[3] || ' 米', '') || coalesce('：' || g[4], '') as zh
  from m where g is not null
union all
select id, old, case g[1] when 'Terrain changed' then '地形变化' when 'River moved' then '河流改道' else '跨界建设' end
                || coalesce('（' || g[2] || '）', '') || coalesce('：' || g[3], '') as zh
  from s where g is not null;

update boundary_problem p set description = z.zh from problem_zh z where p.id = z.id;
update boundary_problem_event e set note = z.zh
  from problem_zh z
 where e.problem_id = z.id and e.from_status is null and e.to_status = 'open' and e.note = z.old;
