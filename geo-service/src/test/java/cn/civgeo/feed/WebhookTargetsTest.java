package cn.civgeo.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Webhooks may not point inside the network unless the operator allows it (address literals: no DNS needed). */
class WebhookTargetsTest {
    @Test
    void receiversInsideTheNetworkAreRefused() {
        for (String u : new String[] {"http://127.0.0.1:8080/hook", "http://10.1.2.3/x", "http://192.168.0.5/x", "http://172.16.9.9/x",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://[fd00::1]/x", "http://0.0.0.0/x", "http://100.64.1.1/x"}) {
            assertThat(WebhookTargets.refusal(u, false)).as(u).isNotNull().contains("inside the network");
        }
    }

    @Test
    void publicReceiversAndAllowedInternalOnesPass() {
        assertThat(WebhookTargets.refusal("https://203.0.113.10/hooks/civgeo", false)).isNull();
        assertThat(WebhookTargets.refusal("https://[2001:db8::10]/hooks", false)).isNull();
        assertThat(WebhookTargets.refusal("http://127.0.0.1:8080/hook", true)).isNull();
        assertThat(WebhookTargets.refusal("http:///nohost", false)).isNotNull();
    }
}
