package cn.civgeo.address;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.placename.PlaceNameTestData;
import cn.civgeo.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AddressIT extends IntegrationTest {
    /** Each run draws its own latitude, so doorplates left by earlier runs (the test database is kept) are not nearer. */
    private static final double ROAD_Y = 30.02 + new java.util.Random().nextInt(5000) / 100_000.0;

    @BeforeEach
    void divisions() { PlaceNameTestData.ensureDivisions(jdbc); }

    /** An approved east–west road at latitude ROAD_Y + dy, numbered from the east. Returns {id, name}. */
    private Object[] approvedRoad(double dy) {
        String name = PlaceNameTestData.uniqueSpecific() + "路";
        double y = ROAD_Y + dy;
        long id = PlaceNameTestData.approvedRoad((path, body) -> post(path, "admin-t", body), json, name, y);
        return new Object[] {id, name, y};
    }

    private Response multipart(String path, String user, String filename, byte[] content) {
        String boundary = "----civgeo" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return call("POST", path, user, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    @Test
    void doorplatesWithParityLookupAndNearest() {
        Object[] road = approvedRoad(0.0);
        long roadId = (long) road[0];
        double y = (double) road[2];
        Map<String, Object> north = new HashMap<>(Map.of("roadId", roadId, "number", 13, "numberSuffix", "之一", "building", "3", "unit", "2",
                "room", "501", "lon", 100.05, "lat", y + 0.0002));
        Response created = post("/api/addresses", "surveyor-t", north);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode a = created.json();
        assertThat(a.get("communityCode").asString()).isEqualTo(PlaceNameTestData.COMMUNITY);
        assertThat(a.get("doorplate").asString()).isEqualTo("13号之一");
        assertThat(a.get("fullText").asString()).isEqualTo("测试省测试市测试区测试街道测试社区" + road[1] + "13号之一3栋2单元501室");
        assertThat(a.get("code").asString()).startsWith(PlaceNameTestData.COMMUNITY).endsWith("0001301-3-2-501");
        assertThat(auditRows("address", a.get("id").asLong())).isEqualTo(1);
        // the same doorplate twice is a duplicate
        assertThat(post("/api/addresses", "surveyor-t", north).status()).isEqualTo(409);
        // odd numbers belong on the north side of an east-west road numbered from the east
        Response wrongSide = post("/api/addresses", "surveyor-t", Map.of("roadId", roadId, "number", 15, "lon", 100.051, "lat", y - 0.0002));
        assertThat(wrongSide.status()).isEqualTo(400);
        assertThat(wrongSide.json().get("errors").get(0).get("field").asString()).isEqualTo("number");
        assertThat(wrongSide.body()).contains("north side");
        assertThat(post("/api/addresses", "surveyor-t", Map.of("roadId", roadId, "number", 16, "lon", 100.051, "lat", y - 0.0002)).status())
                .isEqualTo(201);
        assertThat(post("/api/addresses", "viewer-t", Map.of("roadId", roadId, "number", 18, "lon", 100.052, "lat", y - 0.0002)).status())
                .isEqualTo(403);
        assertThat(post("/api/addresses", "surveyor-t", Map.of("roadId", roadId, "number", 17, "numberSuffix", "乙", "lon", 100.05,
                "lat", y + 0.0002)).body()).contains("numberSuffix");

        JsonNode found = get("/api/addresses/lookup?road=" + enc((String) road[1]) + "&number=13").json();
        assertThat(found).singleElement().satisfies(x -> assertThat(x.get("id").asLong()).isEqualTo(a.get("id").asLong()));
        JsonNode near = get("/api/addresses/nearest?lon=100.05&lat=" + (y + 0.0003) + "&radius=100&limit=10").json();
        assertThat(near).anySatisfy(n -> {
            assertThat(n.get("id").asLong()).isEqualTo(a.get("id").asLong());
            assertThat(n.get("distanceM").asDouble()).isBetween(10.0, 12.5); // 0.0001° of latitude ≈ 11.1 m
        });
        assertThat(near.get(0).get("distanceM").asDouble()).isLessThanOrEqualTo(near.get(near.size() - 1).get("distanceM").asDouble());

        // the same point given in GCJ-02 (web-map coordinates) finds the same doorplate
        double[] gcj = cn.civgeo.common.crs.GcjTransform.wgsToGcj(100.05, y + 0.0003);
        JsonNode nearGcj = get("/api/addresses/nearest?crs=GCJ02&lon=" + gcj[0] + "&lat=" + gcj[1] + "&radius=100&limit=10").json();
        assertThat(nearGcj).anySatisfy(n -> assertThat(n.get("id").asLong()).isEqualTo(a.get("id").asLong()));
        assertThat(get("/api/addresses/nearest?crs=EPSG:9999&lon=1&lat=1").status()).isEqualTo(400);

        Response stale = put("/api/addresses/" + a.get("id").asLong(), "surveyor-t", Map.of("version", 5, "room", "502"));
        assertThat(stale.status()).isEqualTo(409);
        JsonNode retired = post("/api/addresses/" + a.get("id").asLong() + "/retire", "surveyor-t", Map.of("version", 0)).json();
        assertThat(retired.get("status").asString()).isEqualTo("retired");
        assertThat(auditRows("address", a.get("id").asLong())).isEqualTo(2);
    }

    @Test
    void importWithABadRowWritesNothingAndNamesTheRow() {
        Object[] road = approvedRoad(0.0101);
        long roadId = (long) road[0];
        double y = (double) road[2];
        String csv = "road,number,lon,lat\n"
                + road[1] + ",21," + 100.03 + "," + (y + 0.0002) + "\n"
                + road[1] + ",abc," + 100.031 + "," + (y + 0.0002) + "\n"
                + road[1] + ",22," + 100.032 + "," + (y - 0.0002) + "\n";
        Response rejected = multipart("/api/addresses/import", "surveyor-t", "doorplates.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(400);
        assertThat(rejected.json().get("type").asString()).endsWith("import-rejected");
        JsonNode err = rejected.json().get("errors").get(0);
        assertThat(err.get("row").asInt()).isEqualTo(2);
        assertThat(err.get("field").asString()).isEqualTo("number");
        assertThat(rejected.json().get("report").get("written").asBoolean()).isFalse();
        assertThat(countOnRoad(roadId)).isZero();

        Response partial = multipart("/api/addresses/import?mode=partial", "surveyor-t", "doorplates.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
        assertThat(partial.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(partial.json().get("rejected").asInt()).isEqualTo(1);
        assertThat(countOnRoad(roadId)).isEqualTo(2);

        Response export = get("/api/addresses/export?roadId=" + roadId);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().lines().count()).isEqualTo(3);
        assertThat(export.body()).contains("fullText").contains(road[1] + "21号");
    }

    @Test
    void placeNameImportIsAllOrNothing() {
        String a = PlaceNameTestData.uniqueSpecific() + "公园";
        String b = PlaceNameTestData.uniqueSpecific() + "桥";
        String csv = "标准名称,类别代码,行政区划代码,经度,纬度,状态,批准机关,批准文号,批准时间,含义\n"
                + a + ",2720," + PlaceNameTestData.TOWNSHIP + ",100.04,30.04,approved,测试市人民政府,测政地〔2020〕5号,2020-05-01,以园中松柏得名\n"
                + b + ",9999," + PlaceNameTestData.TOWNSHIP + ",100.05,30.04,proposed,,,,\n";
        Response rejected = multipart("/api/place-names/import", "admin-t", "census.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(400);
        assertThat(rejected.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(rejected.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
        assertThat(jdbc.sql("select count(*) from place_name where name = :n").param("n", a).query(Long.class).single()).isZero();

        Response ok = multipart("/api/place-names/import", "admin-t", "census.csv", csv.replace(",9999,", ",2550,").getBytes(StandardCharsets.UTF_8));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("accepted").asInt()).isEqualTo(2);
        JsonNode park = get("/api/place-names?mode=exact&q=" + enc(a)).json().get("items").get(0);
        assertThat(park.get("status").asString()).isEqualTo("approved");
        assertThat(park.get("spelling").asString()).endsWith(" Gongyuan");
        Response export = get("/api/place-names/export?division=" + PlaceNameTestData.TOWNSHIP + "&category=2720");
        assertThat(export.body()).contains(a).contains("以园中松柏得名");
        assertThat(get("/api/place-names/export?format=xlsx&division=" + PlaceNameTestData.TOWNSHIP).raw().body()[0]).isEqualTo((byte) 'P');
    }

    private long countOnRoad(long roadId) {
        return jdbc.sql("select count(*) from address where road_id = :r").param("r", roadId).query(Long.class).single();
    }

    static String enc(String s) { return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
