-- Geometry imports: a schema for ogr2ogr staging tables (one per import, dropped afterwards) and the 'import'
-- event kind, so an imported geometry closes the previous version like any other change.
create schema if not exists division_import;

alter table division_event drop constraint division_event_kind_check;
alter table division_event add constraint division_event_kind_check
    check (kind in ('establish','abolish','rename','merge','split','reparent','boundary','import'));
