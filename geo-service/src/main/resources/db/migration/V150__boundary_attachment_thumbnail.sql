-- Boundary (#15): a small JPEG of each photo or image document (longest side at most 320 px), made when it is
-- uploaded (older rows on their first request), so a survey team's offline package carries thumbnails instead of
-- the full photos. Derived from the bytes it belongs to; nothing else writes it.
alter table boundary_attachment add column thumbnail bytea;
comment on column boundary_attachment.thumbnail is 'JPEG, longest side <= 320 px, derived from the attachment (null: a PDF, or not made yet)';
