-- The SQL side of common.crs.GaussKruger (#12, one home per rule): the CGCS2000 3-degree Gauss–Krüger zone of a
-- longitude (central meridian 3 × zone) and the SRID of a zone with the zone prefix on the easting (EPSG:4513–4533
-- for zones 25–45; null outside). Owned by common; GaussKrugerSqlIT checks both agree with the Java rule.
create function gk_zone(lon double precision) returns integer
language sql immutable parallel safe as $$
    select floor((lon + 1.5) / 3)::integer
$$;
comment on function gk_zone(double precision) is 'CGCS2000 3-degree Gauss–Krüger zone of a longitude (common.crs.GaussKruger.zoneFor)';

create function gk_srid(zone integer) returns integer
language sql immutable parallel safe as $$
    select case when zone between 25 and 45 then 4513 + zone - 25 end
$$;
comment on function gk_srid(integer) is 'SRID of a CGCS2000 3-degree Gauss–Krüger zone, easting with zone prefix: EPSG:4513–4533 (common.crs.GaussKruger.srid)';
