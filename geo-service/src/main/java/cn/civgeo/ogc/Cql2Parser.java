package cn.civgeo.ogc;

import cn.civgeo.common.ApiException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A recursive-descent parser of CQL2 text (OGC 21-065) for the subset this service declares: comparison
 * ({@code = <> < > <= >=}), {@code AND OR NOT}, {@code LIKE}, {@code IN}, {@code BETWEEN}, {@code IS NULL} and
 * {@code S_INTERSECTS} with a WKT or {@code BBOX} literal. It produces a SQL condition with named parameters
 * ({@code :f1, :f2 …}); properties are looked up in the collection's queryables and written from that whitelist,
 * literals are always bound, so no request text ever reaches the SQL. Any error is a 400 naming {@code filter}
 * and the 1-based character position.
 *
 * <pre>
 * expr    := term { OR term }
 * term    := factor { AND factor }
 * factor  := NOT factor | primary
 * primary := '(' expr ')' | TRUE | FALSE | S_INTERSECTS '(' geomArg ',' geomArg ')' | property predicate
 * predicate := compOp literal | [NOT] LIKE string | [NOT] BETWEEN literal AND literal
 *            | [NOT] IN '(' literal { ',' literal } ')' | IS [NOT] NULL
 * </pre>
 */
final class Cql2Parser {
    /** The condition and its parameters. */
    public record Sql(String where, Map<String, Object> params) {}

    private final Cql2Lexer lex;
    private final Map<String, Queryable> queryables;
    private final OgcCrs filterCrs;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final String prefix;

    private Cql2Parser(String text, Map<String, Queryable> queryables, OgcCrs filterCrs, String prefix) {
        this.lex = new Cql2Lexer(text);
        this.queryables = queryables;
        this.filterCrs = filterCrs;
        this.prefix = prefix;
    }

    /** Parses {@code text} against {@code queryables} (name → queryable); geometry literals are in {@code filterCrs}. */
    public static Sql parse(String text, Map<String, Queryable> queryables, OgcCrs filterCrs) {
        if (text == null || text.isBlank()) throw ApiException.badField("filter", "is empty");
        if (text.length() > 20_000) throw ApiException.badField("filter", "is longer than 20000 characters");
        Cql2Parser p = new Cql2Parser(text, queryables, filterCrs, "f");
        String sql = p.expr(0);
        Cql2Lexer.Token t = p.lex.peek();
        if (t.kind() != Cql2Lexer.Kind.END) throw p.error(t, "unexpected '" + t.text() + "'");
        return new Sql(sql, p.params);
    }

    private ApiException error(Cql2Lexer.Token t, String message) {
        return ApiException.badField("filter", message + " at position " + (t.pos() + 1));
    }

    private String expr(int depth) {
        if (depth > 50) throw error(lex.peek(), "nesting deeper than 50");
        StringBuilder sb = new StringBuilder(term(depth));
        while (lex.peekKeyword("OR")) {
            lex.next();
            sb.append(" or ").append(term(depth));
        }
        return sb.toString();
    }

    private String term(int depth) {
        StringBuilder sb = new StringBuilder(factor(depth));
        while (lex.peekKeyword("AND")) {
            lex.next();
            sb.append(" and ").append(factor(depth));
        }
        return sb.toString();
    }

    private String factor(int depth) {
        if (lex.peekKeyword("NOT")) {
            lex.next();
            return "not (" + factor(depth + 1) + ")";
        }
        return primary(depth);
    }

    private String primary(int depth) {
        Cql2Lexer.Token t = lex.next();
        if (t.kind() == Cql2Lexer.Kind.LPAREN) {
            String inner = expr(depth + 1);
            expect(Cql2Lexer.Kind.RPAREN, "')'");
            return "(" + inner + ")";
        }
        if (t.isKeyword("TRUE")) return "true";
        if (t.isKeyword("FALSE")) return "false";
        if (t.isKeyword("S_INTERSECTS")) return spatial(t);
        if (t.kind() != Cql2Lexer.Kind.IDENT && t.kind() != Cql2Lexer.Kind.QUOTED_IDENT) {
            throw error(t, t.kind() == Cql2Lexer.Kind.END ? "unexpected end of filter, expected a property"
                    : "expected a property name, found '" + t.text() + "'");
        }
        Queryable q = property(t);
        if (q.type() == Queryable.Type.GEOMETRY) throw error(t, "'" + t.text() + "' is a geometry: use S_INTERSECTS");
        return predicate(q);
    }

    private Queryable property(Cql2Lexer.Token t) {
        String name = t.text();
        Queryable q = queryables.get(name);
        if (q == null && t.kind() == Cql2Lexer.Kind.IDENT) {
            for (Queryable c : queryables.values()) if (c.name().equalsIgnoreCase(name)) q = c;
        }
        if (q == null) throw error(t, "'" + name + "' is not a queryable of this collection (see its /queryables)");
        return q;
    }

    private String predicate(Queryable q) {
        Cql2Lexer.Token t = lex.next();
        String col = q.sqlExpression();
        if (t.kind() == Cql2Lexer.Kind.OP) {
            String op = t.text().equals("!=") ? "<>" : t.text();
            return col + " " + op + " " + bind(q, lex.next());
        }
        boolean not = false;
        if (t.isKeyword("NOT")) {
            not = true;
            t = lex.next();
        }
        if (t.isKeyword("LIKE")) {
            if (q.type() != Queryable.Type.STRING) throw error(t, "LIKE needs a text property, '" + q.name() + "' is not");
            Cql2Lexer.Token s = lex.next();
            if (s.kind() != Cql2Lexer.Kind.STRING) throw error(s, "LIKE needs a 'pattern' string");
            return col + (not ? " not like " : " like ") + param(s.text());
        }
        if (t.isKeyword("BETWEEN")) {
            String lo = bind(q, lex.next());
            Cql2Lexer.Token and = lex.next();
            if (!and.isKeyword("AND")) throw error(and, "expected AND in BETWEEN");
            String hi = bind(q, lex.next());
            return col + (not ? " not between " : " between ") + lo + " and " + hi;
        }
        if (t.isKeyword("IN")) {
            expect(Cql2Lexer.Kind.LPAREN, "'(' after IN");
            List<String> values = new ArrayList<>();
            do {
                values.add(bind(q, lex.next()));
                if (values.size() > 1000) throw error(lex.peek(), "IN lists at most 1000 values");
            } while (lex.skip(Cql2Lexer.Kind.COMMA));
            expect(Cql2Lexer.Kind.RPAREN, "')' closing IN");
            return col + (not ? " not in (" : " in (") + String.join(", ", values) + ")";
        }
        if (t.isKeyword("IS") && !not) {
            boolean isNot = false;
            Cql2Lexer.Token n = lex.next();
            if (n.isKeyword("NOT")) {
                isNot = true;
                n = lex.next();
            }
            if (!n.isKeyword("NULL")) throw error(n, "expected NULL after IS");
            return col + (isNot ? " is not null" : " is null");
        }
        throw error(t, t.kind() == Cql2Lexer.Kind.END ? "unexpected end of filter after '" + q.name() + "'"
                : "expected a comparison, LIKE, BETWEEN, IN or IS NULL, found '" + t.text() + "'");
    }

    /** A literal for property {@code q}, type-checked and bound. */
    private String bind(Queryable q, Cql2Lexer.Token t) {
        if (t.kind() == Cql2Lexer.Kind.END) throw error(t, "expected a value for '" + q.name() + "', found the end");
        switch (q.type()) {
            case INTEGER, NUMBER -> {
                if (t.kind() != Cql2Lexer.Kind.NUMBER) throw error(t, "'" + q.name() + "' is a number, found '" + t.text() + "'");
                try {
                    if (q.type() == Queryable.Type.INTEGER && t.text().matches("-?\\d+")) return param(Long.parseLong(t.text()));
                    return param(Double.parseDouble(t.text()));
                } catch (NumberFormatException e) {
                    throw error(t, "'" + t.text() + "' is not a number");
                }
            }
            case BOOLEAN -> {
                if (t.isKeyword("TRUE")) return param(Boolean.TRUE);
                if (t.isKeyword("FALSE")) return param(Boolean.FALSE);
                throw error(t, "'" + q.name() + "' is TRUE or FALSE, found '" + t.text() + "'");
            }
            case DATE -> {
                String s;
                if (t.isKeyword("DATE") || t.isKeyword("TIMESTAMP")) {
                    expect(Cql2Lexer.Kind.LPAREN, "'(' after " + t.text());
                    Cql2Lexer.Token v = lex.next();
                    if (v.kind() != Cql2Lexer.Kind.STRING) throw error(v, "expected a quoted date");
                    expect(Cql2Lexer.Kind.RPAREN, "')'");
                    s = v.text();
                    t = v;
                } else if (t.kind() == Cql2Lexer.Kind.STRING) {
                    s = t.text();
                } else {
                    throw error(t, "'" + q.name() + "' is a date: DATE('2024-01-31'), found '" + t.text() + "'");
                }
                try {
                    return param(s.length() <= 10 ? LocalDate.parse(s) : OffsetDateTime.parse(s).toLocalDate());
                } catch (DateTimeParseException e) {
                    throw error(t, "'" + s + "' is not a date (YYYY-MM-DD) or an RFC 3339 timestamp");
                }
            }
            default -> {
                if (t.kind() == Cql2Lexer.Kind.STRING) return param(t.text());
                if (t.kind() == Cql2Lexer.Kind.NUMBER) return param(t.text()); // a code written without quotes
                throw error(t, "'" + q.name() + "' is text: write the value in single quotes, found '" + t.text() + "'");
            }
        }
    }

    private String spatial(Cql2Lexer.Token fn) {
        expect(Cql2Lexer.Kind.LPAREN, "'(' after " + fn.text());
        String a = geomArg();
        expect(Cql2Lexer.Kind.COMMA, "',' between the two geometries of " + fn.text());
        String b = geomArg();
        expect(Cql2Lexer.Kind.RPAREN, "')' closing " + fn.text());
        if (!a.startsWith("v.") && !b.startsWith("v.")) throw error(fn, fn.text() + " needs the geometry property on one side");
        return "ST_Intersects(" + a + ", " + b + ")";
    }

    /** The geometry property, or a geometry literal converted to the storage CRS. */
    private String geomArg() {
        Cql2Lexer.Token t = lex.next();
        if (t.kind() == Cql2Lexer.Kind.IDENT || t.kind() == Cql2Lexer.Kind.QUOTED_IDENT) {
            String up = t.text().toUpperCase(Locale.ROOT);
            if (t.kind() == Cql2Lexer.Kind.IDENT && Wkt.TYPES.contains(up)) return literal(Wkt.read(up, lex, this::error));
            Queryable q = property(t);
            if (q.type() != Queryable.Type.GEOMETRY) throw error(t, "'" + q.name() + "' is not a geometry");
            return "v.geom";
        }
        throw error(t, "expected the geometry property, a WKT geometry or BBOX(...), found '" + t.text() + "'");
    }

    private String literal(String wkt) {
        String p = param(wkt);
        String g = "ST_GeomFromText(" + p + ", " + filterCrs.srid() + ")";
        if (filterCrs.swap()) g = "ST_FlipCoordinates(" + g + ")";
        return filterCrs.geographic() ? "ST_SetSRID(" + g + ", 4490)" : "ST_Transform(" + g + ", 4490)";
    }

    private void expect(Cql2Lexer.Kind kind, String what) {
        Cql2Lexer.Token t = lex.next();
        if (t.kind() != kind) {
            throw error(t, "expected " + what + (t.kind() == Cql2Lexer.Kind.END ? ", found the end" : ", found '" + t.text() + "'"));
        }
    }

    private String param(Object value) {
        String name = prefix + (params.size() + 1);
        params.put(name, value);
        return ":" + name;
    }
}
