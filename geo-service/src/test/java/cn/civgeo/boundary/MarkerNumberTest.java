package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkerNumberTest {

    @Test
    void parsesCountyLineNumber() {
        MarkerNumber n = MarkerNumber.parse("350203350206007Q").orElseThrow();
        assertThat(n.lineCode()).isEqualTo("350203350206");
        assertThat(n.seq()).isEqualTo(7);
        assertThat(n.type()).isEqualTo('Q');
        assertThat(n.kind()).isEqualTo(MarkerNumber.Kind.SINGLE);
        assertThat(n.toString()).isEqualTo("350203350206007Q");
    }

    @Test
    void typesGiveKinds() {
        assertThat(MarkerNumber.parse("3536012A").orElseThrow().kind()).isEqualTo(MarkerNumber.Kind.DOUBLE);
        assertThat(MarkerNumber.parse("3536012b").orElseThrow().kind()).isEqualTo(MarkerNumber.Kind.DOUBLE);
        assertThat(MarkerNumber.parse(" 3536001E ").orElseThrow().kind()).isEqualTo(MarkerNumber.Kind.TRIPLE);
    }

    @Test
    void rejectsBadNumbers() {
        assertThat(MarkerNumber.parse("3536000Q")).isEmpty();      // sequence starts at 001
        assertThat(MarkerNumber.parse("353601Q")).isEmpty();       // line code too short after the 3-digit sequence
        assertThat(MarkerNumber.parse("3536001F")).isEmpty();      // unknown type
        assertThat(MarkerNumber.parse("353601")).isEmpty();        // no type
        assertThat(MarkerNumber.parse("35-36001Q")).isEmpty();
        assertThat(MarkerNumber.parse(null)).isEmpty();
    }

    @Test
    void problemNamesTheLineCode() {
        assertThat(MarkerNumber.problem("3536001Q", "3536")).isEmpty();
        assertThat(MarkerNumber.problem("3537001Q", "3536")).get().asString().contains("line code 3536");
        assertThat(MarkerNumber.problem("", "3536")).get().asString().contains("blank");
        assertThat(MarkerNumber.problem("3536001", "3536")).get().asString().contains("scheme");
    }

    @Test
    void formatPadsTheSequence() {
        assertThat(MarkerNumber.format("350203350206", 12, 'A')).isEqualTo("350203350206012A");
    }
}
