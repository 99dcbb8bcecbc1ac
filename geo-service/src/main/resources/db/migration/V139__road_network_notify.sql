-- The road network tables join the one change signal (V102/V103, common.changes.ChangeBus): a network imported,
-- edited or deleted by SQL elsewhere (another instance, psql, a script calling civgeo_build_network) sends NOTIFY
-- civgeo_changes with the table's name at commit, so every instance drops its walking graph and rebuilds the
-- planner's models (coverage.network.RoadNetworkWatch finds which network changed). Statement triggers: a bulk
-- import of 100,000 edges sends one notification per statement, and PostgreSQL folds equal ones in a transaction.
-- road_import_line is a staging table read only inside an import: no signal.
do $$
declare
    t text;
begin
    foreach t in array array['road_network', 'road_node', 'road_edge']
    loop
        execute format('drop trigger if exists %I on public.%I', t || '_notify_change', t);
        execute format('create trigger %I after insert or update or delete or truncate on public.%I '
                       || 'for each statement execute function public.civgeo_notify_change()', t || '_notify_change', t);
    end loop;
end $$;
