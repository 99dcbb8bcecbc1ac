package cn.civgeo.address.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The demo doorplates ({@link DemoAddresses}): whether they are there, and their load by {@code sql/address/demo-addresses.sql}. */
@Repository
class DemoAddressRepository {
    private final JdbcClient jdbc;

    DemoAddressRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Whether the demo city (3502) already has demo addresses. */
    boolean loaded() {
        return jdbc.sql("select exists(select 1 from address where source = 'demo' and community_code like '3502%')").query(Boolean.class).single();
    }

    /** Generates the doorplates along the demo city's roads; returns the addresses written. */
    int load() {
        return jdbc.sql(cn.civgeo.common.io.SqlFiles.load("address/demo-addresses.sql")).param("city", "3502").update();
    }
}
