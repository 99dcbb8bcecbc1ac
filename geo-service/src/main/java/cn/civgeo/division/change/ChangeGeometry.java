package cn.civgeo.division.change;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.GeoJson;
import cn.civgeo.common.crs.CoordinateConverter;
import cn.civgeo.common.crs.Crs;
import cn.civgeo.division.Division;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Geometry steps of changes: reading request geometry, containment checks, moving subtrees and territory. */
@Component
class ChangeGeometry {
    private final DivisionWriteRepository w;
    private final CoordinateConverter converter;
    private final double toleranceM2;

    ChangeGeometry(DivisionWriteRepository w, CoordinateConverter converter,
                   @Value("${civgeo.division.containment-tolerance-m2:1000}") double toleranceM2) {
        this.w = w;
        this.converter = converter;
        this.toleranceM2 = toleranceM2;
    }

    /** A request geometry as EPSG:4490 MultiPolygon WKB; 400 naming the field when not a valid (Multi)Polygon. */
    byte[] read(tools.jackson.databind.JsonNode node, String field, Crs crs) {
        Geometry g = GeoJson.read(node.toString(), field);
        if (!(g instanceof Polygonal)) throw ApiException.badField(field, "must be a Polygon or MultiPolygon, not " + g.getGeometryType());
        g = converter.toStorage(g, crs);
        TopologyValidationError err = new IsValidOp(g).getValidationError();
        if (err != null) {
            throw ApiException.badField(field, "is not valid: " + err.getMessage() + " near "
                    + err.getCoordinate().x + " " + err.getCoordinate().y);
        }
        if (g instanceof Polygon p) g = g.getFactory().createMultiPolygon(new Polygon[] {p});
        g.setSRID(4490);
        return new WKBWriter().write((MultiPolygon) g);
    }

    /** 400 when more than the tolerance (m², civgeo.division.containment-tolerance-m2) lies outside the unit. */
    void requireWithin(byte[] g, Division container, String field) {
        byte[] c = w.geometry(container.code());
        if (c == null) return;
        double out = w.areaOutside(g, c);
        if (out > toleranceM2) {
            throw ApiException.badField(field, String.format("lies %.0f m² outside %s %s", out, container.code(), container.name()));
        }
    }

    /**
     * Moves a unit and all its active descendants under {@code newParent}: each gets a new code (the requested
     * one for the top, else the same last digits if free, else the next free code of its kind), the old codes
     * are abolished with successor links. Returns the new code of the top unit.
     */
    String moveSubtree(Division d, String newParent, String requested, ChangeContext ctx, DivisionChangeService svc) {
        Division current = w.lock(d.code()).orElseThrow();
        DivisionChangeService.requireAfter(current, ctx);
        String code;
        if (requested != null) {
            Division parent = w.lock(newParent).orElseThrow();
            code = svc.newCode(parent, requested, current.name(), "newCode");
        } else {
            String prefix = DivisionWriteRepository.prefix(newParent, current.level());
            String preferred = prefix + current.code().substring(prefix.length());
            code = w.freeCode(newParent, current.level(), current.kind(), preferred).orElseThrow(() ->
                    ApiException.conflict("no free code left for a " + current.kind() + " under " + newParent));
        }
        w.copyAs(current.code(), code, newParent, ctx.date);
        for (Division kid : w.activeChildren(current.code())) moveSubtree(kid, code, null, ctx, svc);
        if (!w.abolish(current.code(), current.version(), ctx.date)) {
            throw ApiException.staleVersion("division", current.code(), current.version());
        }
        w.link(current.code(), code, ctx.eventId);
        svc.touch(ctx, current.code(), "abolished", current);
        svc.touch(ctx, code, "moved", null);
        return code;
    }

    /**
     * Territory {@code g} leaves the ancestors of {@code from} and joins those of {@code to}, level by level, up
     * to the first common ancestor: each such ancestor with geometry gets a new version.
     */
    void shiftTerritory(byte[] g, String from, String to, ChangeContext ctx, DivisionChangeService svc) {
        String f = from;
        String t = to;
        while (f != null && t != null && !f.equals(t)) {
            Division fd = w.lock(f).orElseThrow();
            Division td = w.lock(t).orElseThrow();
            byte[] fg = w.geometry(f);
            if (fg != null) {
                Map<String, Object> cols = new LinkedHashMap<>();
                cols.put("geom", w.difference(fg, g));
                cols.put("geom_source", "event:" + ctx.eventId);
                svc.newVersion(fd, fd.version(), cols, ctx);
                svc.touch(ctx, f, "reshaped", fd);
            }
            byte[] tg = w.geometry(t);
            if (tg != null) {
                Map<String, Object> cols = new LinkedHashMap<>();
                cols.put("geom", w.union(java.util.List.of(tg, g)));
                cols.put("geom_source", "event:" + ctx.eventId);
                svc.newVersion(td, td.version(), cols, ctx);
                svc.touch(ctx, t, "reshaped", td);
            }
            f = fd.parentCode();
            t = td.parentCode();
        }
    }
}
