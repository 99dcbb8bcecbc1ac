-- Published by the division feature: its residential units, the active divisions with a polygon and no active
-- child (communities and villages where the registry goes that deep, else the deepest unit drawn). The one home of
-- that rule (issue #12); coverage's SQL and layers read it instead of writing it out again. Read-only for the
-- application role, as the other read views (V98).
create view division_residential_unit_read as
select d.*
  from division d
 where d.status = 'active' and d.geom is not null
   and not exists (select 1 from division c where c.parent_code = d.code and c.status = 'active');
comment on view division_residential_unit_read is
    'Residential units: active divisions with a polygon and no active child (published by the division feature; read-only)';

do $$
declare
    r text := '${appRole}';
begin
    if r = '' or r = current_user or not exists (select 1 from pg_roles where rolname = r) then
        return;
    end if;
    execute format('grant select on division_residential_unit_read to %I', r);
    execute format('revoke insert, update, delete, truncate on division_residential_unit_read from %I', r);
end $$;
