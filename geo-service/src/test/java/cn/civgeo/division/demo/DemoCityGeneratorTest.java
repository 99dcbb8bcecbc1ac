package cn.civgeo.division.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.demo.DemoCityGenerator.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.junit.jupiter.api.Test;

class DemoCityGeneratorTest {
    private static Node tree() {
        List<Node> districts = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            List<Node> towns = new ArrayList<>();
            for (int t = 1; t <= 4; t++) {
                List<Node> villages = new ArrayList<>();
                for (int v = 1; v <= 5; v++) villages.add(new Node(String.format("99010%d%03d%03d", d, t, v), 5, List.of(), null));
                towns.add(new Node(String.format("99010%d%03d", d, t), 4, villages, null));
            }
            districts.add(new Node("99010" + d, 3, towns, null));
        }
        return new Node("990100", 2, districts, null);
    }

    @Test
    void sameTreeGivesSameGeometry() {
        Polygon outline = DemoCityGenerator.outline(118.19, 24.64, 0.19, 0.25, 1);
        Map<String, MultiPolygon> a = DemoCityGenerator.fill(tree(), outline);
        Map<String, MultiPolygon> b = DemoCityGenerator.fill(tree(), outline);
        assertThat(a).hasSize(1 + 3 + 12 + 60);
        for (String k : a.keySet()) assertThat(a.get(k).equalsExact(b.get(k))).as(k).isTrue();
    }

    @Test
    void childrenTileTheirParentWithoutOverlap() {
        Polygon outline = DemoCityGenerator.outline(118.19, 24.64, 0.19, 0.25, 7);
        Map<String, MultiPolygon> g = DemoCityGenerator.fill(tree(), outline);
        for (Node d : tree().children()) {
            Geometry parent = g.get(d.code());
            List<Geometry> kids = d.children().stream().map(c -> (Geometry) g.get(c.code())).toList();
            double sum = kids.stream().mapToDouble(Geometry::getArea).sum();
            Geometry union = UnaryUnionOp.union(kids);
            assertThat(sum / parent.getArea()).as("no overlap, no gap in %s", d.code()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(OverlayNGRobust.overlay(union, parent, org.locationtech.jts.operation.overlayng.OverlayNG.SYMDIFFERENCE).getArea())
                    .isLessThan(parent.getArea() * 1e-9);
            for (Geometry k : kids) {
                assertThat(k.isValid()).isTrue();
                assertThat(k.isEmpty()).isFalse();
            }
        }
        assertThat(outline.getEnvelopeInternal().getMinX()).isBetween(117.9, 118.1);
        assertThat(outline.getEnvelopeInternal().getMaxY()).isBetween(24.8, 25.0);
    }
}
