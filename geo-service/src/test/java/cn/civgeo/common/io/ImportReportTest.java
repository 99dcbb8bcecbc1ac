package cn.civgeo.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.ProblemType;
import org.junit.jupiter.api.Test;

class ImportReportTest {
    @Test
    void strictModeRejectsTheWholeImportNamingEachRow() {
        ImportReport r = ImportReport.builder(ImportReport.Mode.STRICT).accept(1, 10L).reject(2, "lon", "must be a number").build(false);
        assertThatThrownBy(r::throwIfRejected).isInstanceOf(ApiException.class).satisfies(e -> {
            ApiException a = (ApiException) e;
            assertThat(a.type()).isEqualTo(ProblemType.IMPORT_REJECTED);
            assertThat(a.errors()).singleElement().satisfies(p -> {
                assertThat(p.row()).isEqualTo(2);
                assertThat(p.field()).isEqualTo("lon");
            });
            assertThat(((ImportReport) a.extra().get("report")).written()).isFalse();
        });
    }

    @Test
    void partialModeKeepsGoodRows() {
        ImportReport r = ImportReport.builder(ImportReport.Mode.parse("partial")).accept(1, 10L).reject(2, "lon", "bad").build(true);
        r.throwIfRejected();
        assertThat(r.accepted()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.total()).isEqualTo(2);
    }

    @Test
    void unknownModeIs400() {
        assertThatThrownBy(() -> ImportReport.Mode.parse("some")).isInstanceOf(ApiException.class).hasMessageContaining("mode");
    }
}
