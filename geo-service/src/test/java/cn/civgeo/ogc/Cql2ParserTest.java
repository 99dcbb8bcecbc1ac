package cn.civgeo.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.civgeo.common.ApiException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Cql2ParserTest {
    static final Map<String, Queryable> Q = new LinkedHashMap<>();

    static {
        Q.put("name", new Queryable("name", Queryable.Type.STRING));
        Q.put("level", new Queryable("level", Queryable.Type.INTEGER));
        Q.put("areaKm2", new Queryable("areaKm2", Queryable.Type.NUMBER));
        Q.put("validFrom", new Queryable("validFrom", Queryable.Type.DATE));
        Q.put("stale", new Queryable("stale", Queryable.Type.BOOLEAN));
        Q.put("geometry", new Queryable("geometry", Queryable.Type.GEOMETRY));
    }

    static Cql2Parser.Sql parse(String s) { return Cql2Parser.parse(s, Q, OgcCrs.CRS84); }

    static String error(String s) {
        try {
            parse(s);
        } catch (ApiException e) {
            assertThat(e.errors().get(0).field()).isEqualTo("filter");
            return e.getMessage();
        }
        throw new AssertionError("no error for " + s);
    }

    @Test
    void comparisonsAndLogicBecomeParameterisedSqlWithTheRightPrecedence() {
        Cql2Parser.Sql s = parse("name = '思明区' AND level >= 3 OR NOT areaKm2 < 1.5");
        assertThat(s.where()).isEqualTo("v.\"name\" = :f1 and v.\"level\" >= :f2 or not (v.\"areaKm2\" < :f3)");
        assertThat(s.params()).containsEntry("f1", "思明区").containsEntry("f2", 3L).containsEntry("f3", 1.5);
        assertThat(parse("(name <> 'a' OR level = 1) AND stale = FALSE").where())
                .isEqualTo("(v.\"name\" <> :f1 or v.\"level\" = :f2) and v.\"stale\" = :f3");
    }

    @Test
    void likeInBetweenIsNullAndDates() {
        assertThat(parse("name LIKE '%区'").where()).isEqualTo("v.\"name\" like :f1");
        assertThat(parse("name NOT LIKE 'x%'").where()).isEqualTo("v.\"name\" not like :f1");
        Cql2Parser.Sql in = parse("level IN (3, 4)");
        assertThat(in.where()).isEqualTo("v.\"level\" in (:f1, :f2)");
        assertThat(in.params()).containsEntry("f2", 4L);
        assertThat(parse("level NOT BETWEEN 2 AND 4").where()).isEqualTo("v.\"level\" not between :f1 and :f2");
        assertThat(parse("validFrom IS NOT NULL").where()).isEqualTo("v.\"validFrom\" is not null");
        Cql2Parser.Sql d = parse("validFrom > DATE('2020-01-31')");
        assertThat(d.params().get("f1")).isEqualTo(LocalDate.of(2020, 1, 31));
        assertThat(parse("\"name\" = 'it''s'").params().get("f1")).isEqualTo("it's");
    }

    @Test
    void spatialIntersectsTakesWktAndBboxInCrs84() {
        Cql2Parser.Sql s = parse("S_INTERSECTS(geometry, POINT(118.1 24.5))");
        assertThat(s.where()).isEqualTo("ST_Intersects(v.geom, ST_SetSRID(ST_GeomFromText(:f1, 4326), 4490))");
        assertThat(s.params().get("f1")).isEqualTo("POINT(118.1 24.5)");
        assertThat(parse("S_INTERSECTS(geometry, BBOX(118, 24, 118.5, 24.5))").params().get("f1"))
                .isEqualTo("POLYGON((118.0 24.0,118.5 24.0,118.5 24.5,118.0 24.5,118.0 24.0))");
        assertThat(parse("s_intersects(geometry, POLYGON((0 0, 1 0, 1 1, 0 0)))").params().get("f1"))
                .isEqualTo("POLYGON((0.0 0.0,1.0 0.0,1.0 1.0,0.0 0.0))");
        assertThat(parse("S_INTERSECTS(geometry, MULTIPOINT((1 2), (3 4)))").params().get("f1"))
                .isEqualTo("MULTIPOINT((1.0 2.0),(3.0 4.0))");
        Cql2Parser.Sql gk = Cql2Parser.parse("S_INTERSECTS(geometry, POINT(2720000 39500000))", Q, OgcCrs.epsg(4527));
        assertThat(gk.where()).isEqualTo("ST_Intersects(v.geom, ST_Transform(ST_FlipCoordinates(ST_GeomFromText(:f1, 4527)), 4490))");
    }

    @Test
    void mistakesAre400sNamingThePosition() {
        assertThat(error("name = ")).contains("at position 8");
        assertThat(error("nosuch = 1")).contains("'nosuch' is not a queryable").contains("position 1");
        assertThat(error("level = 'three'")).contains("'level' is a number").contains("position 9");
        assertThat(error("name = 'open")).contains("string is not closed at position 8");
        assertThat(error("(level = 1")).contains("expected ')'");
        assertThat(error("level = 1 level = 2")).contains("unexpected 'level' at position 11");
        assertThat(error("S_INTERSECTS(geometry, POLYGON((0 0, 1 0, 1 1)))")).contains("must end where it starts");
        assertThat(error("geometry = 1")).contains("use S_INTERSECTS");
        assertThat(error("name LIKE 3")).contains("LIKE needs a 'pattern' string");
        assertThat(error("validFrom > DATE('2020-13-01')")).contains("is not a date");
        assertThat(error("level = 1 ; drop table division")).contains("unexpected character ';'");
    }

    @Test
    void noRequestTextReachesTheSql() {
        Cql2Parser.Sql s = parse("name = 'x'' or 1=1 --'");
        assertThat(s.where()).isEqualTo("v.\"name\" = :f1");
        assertThat(s.params().get("f1")).isEqualTo("x' or 1=1 --");
        assertThat(error("\"name\"\"; drop\" = 'x'")).contains("is not a queryable");
    }

    @Test
    void crsUrisParseWithTheirAxisOrder() {
        assertThat(OgcCrs.parse(null, "crs")).isEqualTo(OgcCrs.CRS84);
        assertThat(OgcCrs.parse("http://www.opengis.net/def/crs/EPSG/0/4490", "crs").swap()).isTrue();
        assertThat(OgcCrs.parse("[EPSG:3857]", "crs").swap()).isFalse();
        assertThat(OgcCrs.parse("http://www.opengis.net/def/crs/EPSG/0/4527", "crs").projected()).isTrue();
        assertThatThrownBy(() -> OgcCrs.parse("http://www.opengis.net/def/crs/EPSG/0/2000", "bbox-crs"))
                .isInstanceOf(ApiException.class).hasMessageContaining("bbox-crs");
        assertThat(OgcRequest.bbox("24,118,25,119", OgcCrs.epsg(4490))).containsExactly(118, 24, 119, 25);
        assertThat(OgcRequest.limit("50000")).isEqualTo(10_000);
        assertThat(OgcRequest.datetime("2020-01-01/..")[1]).isNull();
    }
}
