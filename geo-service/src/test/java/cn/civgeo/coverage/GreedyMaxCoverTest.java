package cn.civgeo.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Greedy maximal covering, WKT in: demand points and candidate reach polygons as WKT; a candidate covers the points
 * its polygon contains.
 */
class GreedyMaxCoverTest {
    private static final WKTReader WKT = new WKTReader();

    /** Demand points (WKT) with their weight and second weight. */
    record Point(String wkt, double weight, double secondary) {}

    private static List<BitSet> covers(List<Point> demand, String... reach) throws ParseException {
        List<Geometry> points = new ArrayList<>();
        for (Point p : demand) points.add(WKT.read(p.wkt()));
        List<BitSet> out = new ArrayList<>();
        for (String r : reach) {
            Geometry area = WKT.read(r);
            BitSet b = new BitSet();
            for (int i = 0; i < points.size(); i++) if (area.contains(points.get(i))) b.set(i);
            out.add(b);
        }
        return out;
    }

    private static double[] weights(List<Point> d) { return d.stream().mapToDouble(Point::weight).toArray(); }

    private static double[] secondary(List<Point> d) { return d.stream().mapToDouble(Point::secondary).toArray(); }

    private static String box(double x0, double x1) {
        return "POLYGON((" + x0 + " -0.5, " + x1 + " -0.5, " + x1 + " 0.5, " + x0 + " 0.5, " + x0 + " -0.5))";
    }

    // P0..P2 near the origin (10 each), P3 and P4 far east (8 each); households 1..5
    private static final List<Point> DEMAND = List.of(new Point("POINT(0 0)", 10, 1), new Point("POINT(1 0)", 10, 2),
            new Point("POINT(2 0)", 10, 3), new Point("POINT(10 0)", 8, 4), new Point("POINT(11 0)", 8, 5));
    private static final String A = box(-0.5, 2.5);   // P0 P1 P2: 30
    private static final String B = box(0.5, 10.5);   // P1 P2 P3: 28, the second-best single candidate
    private static final String C = box(9.5, 11.5);   // P3 P4: 16

    @Test
    void theSecondPickIsTheBestAddition_notTheSecondBestSingleCandidate() throws ParseException {
        List<BitSet> covers = covers(DEMAND, A, B, C);
        assertThat(covers.get(1)).isEqualTo(BitSet.valueOf(new long[] {0b01110}));
        List<GreedyMaxCover.Pick> picks = GreedyMaxCover.greedy(weights(DEMAND), secondary(DEMAND), covers, 2);
        assertThat(picks).extracting(GreedyMaxCover.Pick::candidate).containsExactly(0, 2);
        assertThat(picks.get(0).gain()).isCloseTo(30, within(1e-9));
        assertThat(picks.get(0).secondaryGain()).isCloseTo(6, within(1e-9));
        assertThat(picks.get(1).gain()).isCloseTo(16, within(1e-9)); // B would add only P3's 8
        assertThat(picks.get(1).secondaryGain()).isCloseTo(9, within(1e-9));
        assertThat(picks.get(1).newlyCovered()).isEqualTo(BitSet.valueOf(new long[] {0b11000}));
    }

    @Test
    void kLargerThanTheUsefulCandidatesStopsWhenNothingIsLeftToGain() throws ParseException {
        List<GreedyMaxCover.Pick> picks = GreedyMaxCover.greedy(weights(DEMAND), secondary(DEMAND), covers(DEMAND, A, B, C), 5);
        // after A and C every point is covered: B gains 0 and is not picked
        assertThat(picks).extracting(GreedyMaxCover.Pick::candidate).containsExactly(0, 2);
        assertThat(picks.stream().mapToDouble(GreedyMaxCover.Pick::gain).sum()).isCloseTo(46, within(1e-9));
    }

    @Test
    void tiesGoToTheLowerCandidateIndex() throws ParseException {
        List<Point> demand = List.of(new Point("POINT(0 0)", 5, 1), new Point("POINT(5 0)", 5, 2), new Point("POINT(9 0)", 5, 7));
        // three candidates covering one point each with the same weight; the first listed wins each round
        List<BitSet> covers = covers(demand, box(4.5, 5.5), box(-0.5, 0.5), box(8.5, 9.5));
        List<GreedyMaxCover.Pick> picks = GreedyMaxCover.greedy(weights(demand), secondary(demand), covers, 3);
        assertThat(picks).extracting(GreedyMaxCover.Pick::candidate).containsExactly(0, 1, 2);
        assertThat(picks).extracting(GreedyMaxCover.Pick::secondaryGain).containsExactly(2.0, 1.0, 7.0);
        // a gain larger by less than EPSILON is still a tie: the lower index keeps it
        double[] w = {5, 5 + GreedyMaxCover.EPSILON / 10};
        List<BitSet> one = covers(List.of(new Point("POINT(0 0)", 0, 0), new Point("POINT(5 0)", 0, 0)), box(-0.5, 0.5), box(4.5, 5.5));
        assertThat(GreedyMaxCover.greedy(w, new double[2], one, 1)).extracting(GreedyMaxCover.Pick::candidate).containsExactly(0);
        // and the same input gives the same picks every time
        assertThat(GreedyMaxCover.greedy(weights(demand), secondary(demand), covers, 3)).extracting(GreedyMaxCover.Pick::candidate)
                .containsExactly(0, 1, 2);
    }

    @Test
    void emptyDemandGivesNoPicks() throws ParseException {
        List<BitSet> covers = covers(List.of(), A, B);
        assertThat(covers).allMatch(BitSet::isEmpty);
        assertThat(GreedyMaxCover.greedy(new double[0], new double[0], covers, 3)).isEmpty();
        assertThat(GreedyMaxCover.greedy(new double[0], new double[0], List.of(), 3)).isEmpty();
    }

    @Test
    void inOrderTakesEachCandidateAsGivenWithItsGainOverTheOnesBefore() throws ParseException {
        // B first, then A (gains only P0 now), then B again (nothing), then C (P4 only)
        List<GreedyMaxCover.Pick> picks = GreedyMaxCover.inOrder(weights(DEMAND), secondary(DEMAND), covers(DEMAND, B, A, B, C), 4);
        assertThat(picks).extracting(GreedyMaxCover.Pick::candidate).containsExactly(0, 1, 2, 3);
        assertThat(picks).extracting(GreedyMaxCover.Pick::gain).containsExactly(28.0, 10.0, 0.0, 8.0);
        assertThat(picks).extracting(GreedyMaxCover.Pick::secondaryGain).containsExactly(9.0, 1.0, 0.0, 5.0);
    }
}
