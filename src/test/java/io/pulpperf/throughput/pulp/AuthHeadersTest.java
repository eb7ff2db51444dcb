package io.pulpperf.throughput.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Credentials;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which headers each identity sends, and that none of them prints. */
class AuthHeadersTest {
    @Test
    void bearerTokenWinsOverBasicAndExtraHeadersAlwaysGo() {
        AuthHeaders h = AuthHeaders.from(new Credentials("u", "pw", "tok-123", Map.of("x-rh-identity", "eyJpZCI6MX0=")));
        assertThat(h.forMethod("GET")).containsEntry("Authorization", "Bearer tok-123").containsEntry("x-rh-identity", "eyJpZCI6MX0=");
        assertThat(h.toString()).doesNotContain("tok-123").doesNotContain("eyJpZCI6MX0=").contains("bearer");
    }

    @Test
    void basicWithoutToken() {
        AuthHeaders h = AuthHeaders.from(new Credentials("admin", "password"));
        assertThat(h.forMethod("POST")).containsExactly(org.assertj.core.api.Assertions.entry("Authorization", "Basic YWRtaW46cGFzc3dvcmQ="));
        assertThat(h.toString()).isEqualTo("AuthHeaders[basic, extra headers []]");
    }

    @Test
    void sessionReplacesBasicKeepsExtraHeadersAndSendsCsrfOnlyOnWrites() {
        AuthHeaders h = AuthHeaders.from(new Credentials("admin", "password", null, Map.of("X-Tenant", "t1"))).withSession("sid", "csrf");
        assertThat(h.forMethod("GET")).containsEntry("Cookie", "sessionid=sid; csrftoken=csrf").containsEntry("X-Tenant", "t1")
                .doesNotContainKeys("Authorization", "X-CSRFToken");
        assertThat(h.forMethod("PATCH")).containsEntry("X-CSRFToken", "csrf");
    }
}
