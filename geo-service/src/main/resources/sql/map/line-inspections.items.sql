-- A boundary line's inspection history (no geometry): one feature per inspection, newest first, with the number
-- of markers found in each condition. :q = the line id (required to list anything).
select json_build_object(
         'type', 'Feature', 'id', i.id::text, 'geometry', null,
         'properties', json_build_object('id', i.id, 'lineId', i.line_id, 'roundId', i.round_id, 'roundName', r.name,
                                         'roundNumber', r.number, 'inspectedOn', i.inspected_on, 'team', i.team,
                                         'partyLeft', i.party_left, 'partyRight', i.party_right,
                                         'intact', c.intact, 'damaged', c.damaged, 'missing', c.missing,
                                         'displaced', c.displaced))::text as feature,
       count(*) over () as total,
       concat_ws(chr(31), i.inspected_on, i.id) as page_key
from line_inspection_read i
join inspection_round_read r on r.id = i.round_id
left join lateral (
    select count(*) filter (where m.condition = 'intact') as intact, count(*) filter (where m.condition = 'damaged') as damaged,
           count(*) filter (where m.condition = 'missing') as missing, count(*) filter (where m.condition = 'displaced') as displaced
    from marker_record_read m where m.inspection_id = i.id
) c on true
where i.line_id::text = :q
  and (:id = '' or i.id::text = :id)
  and (:after = '' or (i.inspected_on, i.id) < (nullif(split_part(:after, chr(31), 1), '')::date, nullif(split_part(:after, chr(31), 2), '')::bigint))
order by i.inspected_on desc, i.id desc
limit :limit offset :offset
