-- Published by the division feature for the other features' SQL (issue #12: each feature owns its tables; others
-- read through its service or through the read views its own migration publishes). Pass-through views of the
-- registry's current rows, parts and versions with the tables' column names, fixed when created: the division
-- feature may change its tables and keep these. Read-only for the application role (V98).
create view division_read as select d.* from division d;
comment on view division_read is 'Division registry, current rows (published by the division feature; read-only)';
create view division_part_read as select p.* from division_part p;
comment on view division_part_read is 'Division geometry parts (published by the division feature; read-only)';
create view division_version_read as select v.* from division_version v;
comment on view division_version_read is 'Closed versions of divisions (published by the division feature; read-only)';

