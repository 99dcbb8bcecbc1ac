package cn.civgeo.facility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FacilityImportIT extends IntegrationTest {

    @Test
    void locatedRowsAreWrittenAndAnUnmatchedAddressGoesToReviewUntilSomeonePicksTheLocation() {
        String tag = unique("导入");
        String csv = "类型,名称,地址,经度,纬度,运营方式,床位数,护理型床位数,建筑面积,状态,开业日期\n"
                + "养老机构," + tag + "敬老院,上海市测试路1号,121.50,31.20,公办,120,70,5000,运营中,2020-01-01\n"
                + "社区居家养老服务站/日间照料中心," + tag + "照料中心,火星省不存在市乌有路999号,,,公建民营,10,2,300,运营中,2021-06-01\n";
        Response r = upload(csv, "facilities.csv", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.get("total").asInt()).isEqualTo(2);
        assertThat(body.get("imported").asInt()).isEqualTo(1);
        assertThat(body.get("held").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").asInt()).isZero();
        JsonNode held = body.get("review").get(0);
        assertThat(held.get("rowNumber").asInt()).isEqualTo(2);
        assertThat(held.get("status").asString()).isEqualTo("pending");
        assertThat(held.get("address").asString()).isEqualTo("火星省不存在市乌有路999号");
        assertThat(held.get("reason").asString()).isNotBlank();
        assertThat(held.get("facility").get("kind").asString()).isEqualTo("社区居家养老服务站/日间照料中心");
        assertThat(count(tag + "敬老院")).isEqualTo(1);
        assertThat(count(tag + "照料中心")).isZero();

        long rowId = held.get("id").asLong();
        JsonNode pending = get("/api/facility-imports/review?importId=" + body.get("importId").asLong(), "planner-t").json();
        assertThat(pending.get("total").asLong()).isEqualTo(1);

        Response picked = post("/api/facility-imports/rows/" + rowId + "/resolve", "planner-t",
                Map.of("version", 0, "lon", 121.51, "lat", 31.21));
        assertThat(picked.status()).as(picked.toString()).isEqualTo(201);
        assertThat(picked.json().get("kind").asString()).isEqualTo("community_station");
        assertThat(picked.json().get("operatorKind").asString()).isEqualTo("public_private");
        assertThat(picked.json().get("locationSource").asString()).isEqualTo("picked");
        assertThat(picked.json().get("lon").asDouble()).isEqualTo(121.51);
        assertThat(count(tag + "照料中心")).isEqualTo(1);
        assertThat(auditRows("facility", picked.json().get("id").asLong())).isEqualTo(1);
        assertThat(auditRows("facility_import_row", rowId)).isEqualTo(2);

        Response again = post("/api/facility-imports/rows/" + rowId + "/resolve", "planner-t", Map.of("version", 1, "lon", 121.5, "lat", 31.2));
        assertThat(again.status()).isEqualTo(409);
        assertThat(get("/api/facility-imports/review?importId=" + body.get("importId").asLong(), "planner-t").json().get("total").asLong()).isZero();
    }

    @Test
    void oneInvalidRowRejectsTheWholeFileUnlessPartial() {
        String tag = unique("拒");
        String csv = "kind,name,lon,lat,operatorKind,beds,nursingBeds,capacity\n"
                + "nursing_home," + tag + "A,121.5,31.2,public,50,20,\n"
                + "nursing_home," + tag + "B,121.5,31.2,private,50,60,\n"      // nursing beds above beds
                + "funeral_home," + tag + "C,121.5,31.2,public,10,,\n"         // beds on a funeral home
                + "columbarium," + tag + "D,121.5,31.2,public,,,8000\n";
        Response strict = upload(csv, "f.csv", null);
        assertThat(strict.status()).isEqualTo(400);
        assertThat(strict.json().get("type").asString()).endsWith("/import-rejected");
        assertThat(strict.json().get("errors").findValuesAsString("field")).contains("nursingBeds", "beds");
        assertThat(strict.json().get("errors").findValues("row").stream().map(JsonNode::asInt).toList()).contains(2, 3);
        assertThat(count(tag + "A") + count(tag + "D")).isZero();

        Response partial = upload(csv, "f.csv", "partial");
        assertThat(partial.status()).as(partial.toString()).isEqualTo(201);
        assertThat(partial.json().get("imported").asInt()).isEqualTo(2);
        assertThat(partial.json().get("rejected").asInt()).isEqualTo(2);
        assertThat(count(tag + "A") + count(tag + "D")).isEqualTo(2);
    }

    @Test
    void viewersCannotImport() {
        assertThat(call("POST", "/api/facility-imports", "viewer-t", "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nkind,name\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(403);
    }

    private long count(String name) {
        return jdbc.sql("select count(*) from facility where name = :n").param("n", name).query(Long.class).single();
    }

    private Response upload(String csv, String filename, String mode) {
        String boundary = "----civgeo" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return call("POST", "/api/facility-imports" + (mode == null ? "" : "?mode=" + mode), "planner-t",
                "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
    }
}
