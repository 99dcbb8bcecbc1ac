package cn.civgeo.ogc;

/**
 * A property clients may filter on (Part 3 queryables): the API name, which is also the view's column name, and
 * its JSON Schema type. The names come from the database catalog of the published view, never from a request.
 */
record Queryable(String name, Type type) {
    public enum Type {
        STRING("string"), INTEGER("integer"), NUMBER("number"), DATE("string"), BOOLEAN("boolean"), GEOMETRY(null);

        final String jsonType;

        Type(String jsonType) { this.jsonType = jsonType; }

        /** The JSON Schema type of a PostgreSQL type name (pg_type.typname). */
        static Type ofSql(String udt) {
            return switch (udt) {
                case "int2", "int4", "int8" -> INTEGER;
                case "float4", "float8", "numeric" -> NUMBER;
                case "date", "timestamp", "timestamptz" -> DATE;
                case "bool" -> BOOLEAN;
                case "geometry" -> GEOMETRY;
                default -> STRING;
            };
        }
    }

    /** The column as SQL: quoted, on the view alias {@code v}. Safe because the name is a catalog column. */
    public String sqlExpression() { return "v.\"" + name.replace("\"", "\"\"") + "\""; }
}
