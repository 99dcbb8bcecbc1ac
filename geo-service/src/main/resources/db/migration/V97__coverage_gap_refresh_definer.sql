-- The service connects as the unprivileged application role (V82), which may not REFRESH a materialized view it
-- does not own. coverage_gap_refresh() runs with the rights of its owner (the migrating role) and a fixed
-- search_path, so the application can keep coverage_gap_public current and nothing else.
alter function coverage_gap_refresh() security definer set search_path = public, pg_temp;
