package cn.civgeo.ogc;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The columns of the published views, read from the database catalog (for {@link OgcCatalog}'s queryables). */
@Repository
class OgcViewColumnRepository {
    /** One column of a view: its name and its PostgreSQL type name ({@code pg_type.typname}). */
    record Column(String name, String typeName) {}

    private final JdbcClient jdbc;

    OgcViewColumnRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** The columns of the view (or materialized view) in the current schema, in view order; empty when it does not exist. */
    List<Column> columns(String view) {
        return jdbc.sql("""
                select a.attname, t.typname from pg_attribute a join pg_class c on c.oid = a.attrelid
                  join pg_type t on t.oid = a.atttypid
                 where c.relname = :v and c.relnamespace = current_schema()::regnamespace and c.relkind in ('v', 'm')
                   and a.attnum > 0 and not a.attisdropped order by a.attnum""")
                .param("v", view)
                .query((rs, i) -> new Column(rs.getString(1), rs.getString(2))).list();
    }
}
