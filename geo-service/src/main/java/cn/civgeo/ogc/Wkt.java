package cn.civgeo.ogc;

import cn.civgeo.common.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Geometry literals of CQL2 text: WKT POINT, LINESTRING, POLYGON and their MULTI forms, and BBOX(x1, y1, x2, y2).
 * Read token by token and written back as normalised WKT (numbers only), checked for shape (a ring closes and has
 * four points, a line two), so PostGIS never sees malformed text.
 */
final class Wkt {
    static final Set<String> TYPES = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
            "MULTIPOLYGON", "BBOX");
    private static final int MAX_POINTS = 10_000;

    private final Cql2Lexer lex;
    private final BiFunction<Cql2Lexer.Token, String, ApiException> error;
    private int points;

    private Wkt(Cql2Lexer lex, BiFunction<Cql2Lexer.Token, String, ApiException> error) {
        this.lex = lex;
        this.error = error;
    }

    /** Reads the literal that follows its type keyword {@code type} (already consumed). */
    static String read(String type, Cql2Lexer lex, BiFunction<Cql2Lexer.Token, String, ApiException> error) {
        Wkt w = new Wkt(lex, error);
        return switch (type) {
            case "BBOX" -> w.bbox();
            case "POINT" -> "POINT(" + w.point() + ")";
            case "LINESTRING" -> "LINESTRING" + w.line();
            case "POLYGON" -> "POLYGON" + w.polygon();
            case "MULTIPOINT" -> "MULTIPOINT" + w.list(w::multiPointMember);
            case "MULTILINESTRING" -> "MULTILINESTRING" + w.list(w::line);
            default -> "MULTIPOLYGON" + w.list(w::polygon);
        };
    }

    private String bbox() {
        open();
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            if (k > 0) expect(Cql2Lexer.Kind.COMMA, "','");
            v[k] = number();
        }
        close();
        if (v[0] > v[2] || v[1] > v[3]) throw error.apply(lex.peek(), "BBOX minimum exceeds maximum");
        return String.format(java.util.Locale.ROOT, "POLYGON((%s %s,%s %s,%s %s,%s %s,%s %s))",
                n(v[0]), n(v[1]), n(v[2]), n(v[1]), n(v[2]), n(v[3]), n(v[0]), n(v[3]), n(v[0]), n(v[1]));
    }

    /** "x y" inside POINT( … ). */
    private String point() {
        open();
        String c = coord();
        close();
        return c;
    }

    private String multiPointMember() {
        if (lex.peek().kind() == Cql2Lexer.Kind.LPAREN) return "(" + point() + ")";
        return "(" + coord() + ")";
    }

    private String line() {
        List<String> cs = coords();
        if (cs.size() < 2) throw error.apply(lex.peek(), "a LINESTRING needs at least 2 points");
        return "(" + String.join(",", cs) + ")";
    }

    private String ring() {
        Cql2Lexer.Token at = lex.peek();
        List<String> cs = coords();
        if (cs.size() < 4 || !cs.get(0).equals(cs.get(cs.size() - 1))) {
            throw error.apply(at, "a polygon ring needs at least 4 points and must end where it starts");
        }
        return "(" + String.join(",", cs) + ")";
    }

    private String polygon() { return list(this::ring); }

    private String list(java.util.function.Supplier<String> member) {
        open();
        List<String> out = new ArrayList<>();
        do {
            out.add(member.get());
        } while (lex.skip(Cql2Lexer.Kind.COMMA));
        close();
        return "(" + String.join(",", out) + ")";
    }

    private List<String> coords() {
        open();
        List<String> out = new ArrayList<>();
        do {
            out.add(coord());
        } while (lex.skip(Cql2Lexer.Kind.COMMA));
        close();
        return out;
    }

    private String coord() {
        if (++points > MAX_POINTS) throw error.apply(lex.peek(), "geometry has more than " + MAX_POINTS + " points");
        String x = n(number()), y = n(number());
        if (lex.peek().kind() == Cql2Lexer.Kind.NUMBER) number(); // a z value: ignored (2D comparison)
        return x + " " + y;
    }

    private double number() {
        Cql2Lexer.Token t = lex.next();
        if (t.kind() != Cql2Lexer.Kind.NUMBER) throw error.apply(t, "expected a coordinate, found '" + t.text() + "'");
        double d;
        try {
            d = Double.parseDouble(t.text());
        } catch (NumberFormatException e) {
            throw error.apply(t, "'" + t.text() + "' is not a number");
        }
        if (!Double.isFinite(d)) throw error.apply(t, "coordinates must be finite");
        return d;
    }

    private static String n(double d) { return Double.toString(d); }

    private void open() { expect(Cql2Lexer.Kind.LPAREN, "'('"); }

    private void close() { expect(Cql2Lexer.Kind.RPAREN, "')'"); }

    private void expect(Cql2Lexer.Kind kind, String what) {
        Cql2Lexer.Token t = lex.next();
        if (t.kind() != kind) throw error.apply(t, "expected " + what + " in the geometry, found '" + t.text() + "'");
    }
}
