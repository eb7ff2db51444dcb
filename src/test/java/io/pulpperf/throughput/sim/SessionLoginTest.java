package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code POST login/} and the session it opens, with Django's CSRF check on writes. */
@DisplayName("Session login and CSRF")
class SessionLoginTest {

    @Test
    void loginAnswers201WithTheUserAndSetsSessionAndCsrfCookies() {
        try (SimHttp s = SimHttp.fast()) {
            Response login = s.as().post(s.v3 + "login/");
            login.then().statusCode(201)
                    .body("pulp_href", equalTo("/pulp/api/v3/users/1/"))
                    .body("prn", equalTo("prn:auth.user:1"))
                    .body("username", equalTo("admin"));
            assertThat(login.getCookie("sessionid")).isNotBlank();
            assertThat(login.getCookie("csrftoken")).isNotBlank();
        }
    }

    @Test
    void aSessionReadsFreelyAndWritesOnlyWithTheCsrfToken() {
        try (SimHttp s = SimHttp.fast()) {
            Response login = s.as().post(s.v3 + "login/");
            Map<String, String> cookies = login.getCookies();
            s.anonymous().cookies(cookies).get(s.v3 + "tasks/").then().statusCode(200);
            String repo = s.createRepository("via-session");
            s.anonymous().cookies(cookies).delete(repo)
                    .then().statusCode(403).body("detail", equalTo("CSRF Failed: CSRF token missing."));
            s.anonymous().cookies(cookies).header("X-CSRFToken", "wrong").delete(repo)
                    .then().statusCode(403).body("detail", equalTo("CSRF Failed: CSRF token incorrect."));
            s.anonymous().cookies(cookies).header("X-CSRFToken", cookies.get("csrftoken")).delete(repo)
                    .then().statusCode(202);
        }
    }

    @Test
    void loginWithoutOrWithWrongCredentialsIs401() {
        try (SimHttp s = SimHttp.fast()) {
            s.anonymous().post(s.v3 + "login/").then().statusCode(401)
                    .header("WWW-Authenticate", "Basic realm=\"api\"")
                    .body("detail", equalTo("Authentication credentials were not provided."));
            s.anonymous().auth().preemptive().basic("admin", "nope").post(s.v3 + "login/").then().statusCode(401)
                    .body("detail", equalTo("Invalid username/password."));
        }
    }

    @Test
    void logoutEndsTheSession() {
        try (SimHttp s = SimHttp.fast()) {
            Map<String, String> cookies = s.as().post(s.v3 + "login/").getCookies();
            s.anonymous().cookies(cookies).delete(s.v3 + "login/").then().statusCode(204);
            s.anonymous().cookies(cookies).get(s.v3 + "tasks/").then().statusCode(401);
        }
    }

    @Test
    void otherCredentialsComeFromTheConfig() {
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withCredentials("ops", "s3cret"))) {
            s.anonymous().auth().preemptive().basic("ops", "s3cret").contentType(ContentType.JSON).post(s.v3 + "login/")
                    .then().statusCode(201).body("username", equalTo("ops"));
            s.anonymous().auth().preemptive().basic("admin", "password").get(s.v3 + "tasks/").then().statusCode(401);
        }
    }
}
