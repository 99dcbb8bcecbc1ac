-- Marker QA: markers off their line, numbered against the line direction, incomplete double/triple sets, and
-- double markers on the wrong side (A belongs to the side of the smaller division code).
-- :line (bigint or null), :prefix (division code prefix or null), :tol (metres)
with m as (
    select m.id, m.number, m.seq, m.type_code, m.line_id, l.code as line_code, l.left_code, l.right_code, m.geom,
           ST_Distance(m.geom::geography, l.geom::geography) as dist,
           ST_LineLocatePoint(boundary_line_path(l.geom), m.geom) as pos
      from boundary_marker m
      join boundary_line l on l.id = m.line_id
     where m.status <> 'removed' and l.status <> 'superseded'
       and (cast(:line as bigint) is null or m.line_id = :line)
       and (cast(:prefix as text) is null or l.left_code like :prefix || '%' or l.right_code like :prefix || '%')
), s as (
    select line_id, seq, avg(pos) as pos, string_agg(type_code, '' order by type_code) as types,
           min(id) as first_id
      from m group by line_id, seq
), o as (
    select line_id, seq, pos, lag(seq) over w as prev_seq, lag(pos) over w as prev_pos
      from s window w as (partition by line_id order by seq)
)
select 'off_line' as issue, m.id, m.number, m.line_code,
       format('%s m from the line (tolerance %s m)', round(m.dist::numeric, 2), :tol) as detail, m.dist as value
  from m where m.dist > :tol
union all
select 'out_of_order', m.id, m.number, m.line_code,
       format('numbered %s but lies before %s along the line direction', lpad(o.seq::text, 3, '0'), lpad(o.prev_seq::text, 3, '0')),
       (o.prev_pos - o.pos)
  from o join m on m.line_id = o.line_id and m.seq = o.seq
 where o.prev_pos is not null and o.pos < o.prev_pos - 1e-9
union all
select 'incomplete_set', m.id, m.number, m.line_code,
       format('sequence %s has types %s; expected Q, A+B or C+D+E', lpad(s.seq::text, 3, '0'), s.types), null
  from s join m on m.id = s.first_id
 where s.types not in ('Q', 'AB', 'CDE')
union all
select 'wrong_side', m.id, m.number, m.line_code,
       format('%s marker lies in %s; %s belongs on the side of %s', m.type_code, big.code, m.type_code,
              case m.type_code when 'A' then small.code else big.code end), null
  from m
  join division_read small on small.code = least(m.left_code, m.right_code)
  join division_read big on big.code = greatest(m.left_code, m.right_code)
 where m.type_code in ('A', 'B') and small.geom is not null and big.geom is not null
   and ((m.type_code = 'A' and ST_Covers(big.geom, m.geom) and not ST_Covers(small.geom, m.geom))
     or (m.type_code = 'B' and ST_Covers(small.geom, m.geom) and not ST_Covers(big.geom, m.geom)))
order by line_code, number, issue
