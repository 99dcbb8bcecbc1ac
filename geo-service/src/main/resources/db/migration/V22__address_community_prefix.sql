-- Addresses by division code prefix (a county's or township's doorplates): LIKE 'prefix%' needs pattern ops under
-- the database's C.UTF-8 collation. road_id rides along so listing a division's roads reads the index only.
create index address_community_prefix on address (community_code text_pattern_ops, road_id) where status <> 'retired';
