package cn.civgeo.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A request Tomcat refuses before the application sees it (an encoded backslash in the path) is answered as a
 * problem detail by {@link ProblemErrorValve}, not with Tomcat's HTML page. Tomcat makes the valve by its class
 * name, so the class must stay public with a public constructor (PublicTypesTest keeps it so; this shows why).
 */
class MalformedRequestIT extends IntegrationTest {
    @Test
    void anEncodedBackslashInThePathIsAProblemDetail() {
        Response r = get("/api/divisions/35%5C0000");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("encoded backslash");
    }
}
