-- Boundary feature (#15): the accuracy of a marker record's surveyed position, in metres (the device's GPS figure,
-- coords.accuracy, or as the surveyor entered it: RTK a few centimetres, a phone a few metres). Only with a position.
alter table marker_record
    add column position_accuracy_m numeric(8, 3)
        check (position_accuracy_m > 0 and position_accuracy_m <= 1000),
    add constraint marker_record_accuracy_with_position check (position_accuracy_m is null or surveyed_x is not null);

-- the published read view follows the table (a view's * is fixed when it is made)
create or replace view marker_record_read as select m.* from marker_record m;
