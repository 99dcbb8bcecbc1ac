-- A read-only database role for desktop GIS, GeoServer and MapServer: SELECT on the published *_public views and
-- nothing else. Roles belong to the cluster, so the role is created once (NOLOGIN: an administrator gives it a
-- login user, see README "Open standards"). When the migrating role lacks CREATEROLE the role is left to
-- scripts/db.sh (create step) or a DBA, and only the grants are made here once it exists.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'civgeo_reader') then
        if exists (select 1 from pg_roles where rolname = current_user and (rolcreaterole or rolsuper)) then
            create role civgeo_reader nologin;
        else
            raise notice 'civgeo_reader does not exist and % may not create roles: create it, then re-run the grants', current_user;
        end if;
    end if;
    if exists (select 1 from pg_roles where rolname = 'civgeo_reader') then
        execute format('grant connect on database %I to civgeo_reader', current_database());
        grant usage on schema public to civgeo_reader;
        grant select on division_public, boundary_line_public, boundary_marker_public, boundary_dispute_public,
              place_name_public_point, place_name_public_line, place_name_public_area, address_public,
              facility_public, service_area_public, coverage_gap_public to civgeo_reader;
        grant select on geometry_columns, spatial_ref_sys to civgeo_reader;
    end if;
end $$;
