-- Published by the boundary feature for the map's layers (issue #12): pass-through read views of lines, markers,
-- disputes and inspections with the tables' column names. Read-only for the application role (V98).
create view boundary_line_read as select l.* from boundary_line l;
create view boundary_marker_read as select m.* from boundary_marker m;
create view boundary_dispute_read as select d.* from boundary_dispute d;
create view inspection_round_read as select r.* from inspection_round r;
create view line_inspection_read as select i.* from line_inspection i;
create view marker_record_read as select m.* from marker_record m;
comment on view boundary_line_read is 'Boundary lines (published by the boundary feature; read-only)';

