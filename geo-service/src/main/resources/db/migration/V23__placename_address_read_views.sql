-- Published by the place-name and address features for the other features' SQL (issue #12): pass-through read
-- views with the tables' column names. Read-only for the application role (V98).
create view place_name_read as select n.* from place_name n;
comment on view place_name_read is 'Standard place names (published by the place-name feature; read-only)';
create view place_name_former_read as select f.* from place_name_former f;
comment on view place_name_former_read is 'Former names of standard place names (published by the place-name feature; read-only)';
create view address_read as select a.* from address a;
comment on view address_read is 'Standard addresses (published by the address feature; read-only)';

