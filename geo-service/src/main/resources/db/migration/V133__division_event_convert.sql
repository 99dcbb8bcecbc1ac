-- Division feature: the 'convert' event kind (撤县设市, 撤县设区): a county-level unit becomes a city or district under a
-- new code in one event (old code abolished with the new one as successor, its children re-coded under it), as
-- GB/T 2260 records such a change.
alter table division_event drop constraint division_event_kind_check;
alter table division_event add constraint division_event_kind_check
    check (kind in ('establish','abolish','rename','merge','split','reparent','boundary','import','convert'));
