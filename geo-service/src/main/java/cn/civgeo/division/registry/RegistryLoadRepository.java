package cn.civgeo.division.registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@link RegistryLoader} through the application's connection: the record of loads and their lock. */
@Repository
class RegistryLoadRepository {
    private final JdbcClient jdbc;

    RegistryLoadRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Whether a load of {@code source} is recorded in {@code division_registry_load}. */
    boolean loaded(String source) {
        return jdbc.sql("select count(*) from division_registry_load where source = :s").param("s", source)
                .query(Integer.class).single() > 0;
    }

    /** Takes the transaction-scoped advisory lock that serialises registry loads. */
    void lockRegistryLoad() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('division_registry_load'))").query().singleValue();
    }

    /** Records a load of {@code source}: units parsed and how long it took. */
    void recordLoad(String source, int units, long millis) {
        jdbc.sql("insert into division_registry_load(source, units, millis) values (:s, :u, :ms)")
                .param("s", source).param("u", units).param("ms", millis).update();
    }
}
