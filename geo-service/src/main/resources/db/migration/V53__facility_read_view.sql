-- Published by the facility feature for coverage's SQL (issue #12): a pass-through read view of the registry of
-- facilities with the table's column names (facility_operating_at(date) stays the view of those operating on a
-- date). Read-only for the application role (V98).
create view facility_read as select f.* from facility f;
comment on view facility_read is 'Facilities (published by the facility feature; read-only)';

