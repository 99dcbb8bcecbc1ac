-- Boundary feature (#15): documents attached to lines: the agreement (界线协议书), its annexes (附图、附表), the line
-- description (走向说明) and other attachments, kept like the other boundary attachments.
alter table boundary_attachment drop constraint boundary_attachment_owner_kind_check;
alter table boundary_attachment add constraint boundary_attachment_owner_kind_check
    check (owner_kind in ('marker', 'marker_record', 'problem', 'dispute', 'line'));
alter table boundary_attachment drop constraint boundary_attachment_kind_check;
alter table boundary_attachment add constraint boundary_attachment_kind_check
    check (kind in ('photo', 'document', 'evidence', 'agreement', 'annex', 'description'));
