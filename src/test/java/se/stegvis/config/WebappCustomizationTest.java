package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

@StegvisSpringTest
class WebappCustomizationTest {

    @LocalServerPort
    int port;

    @Test
    void everyWebappHidesTheVendorBanner() {
        for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
            var css = new Http(port).get("/camunda/app/" + app + "/styles/user-styles.css", null);
            assertThat(css.statusCode()).as(app).isEqualTo(200);
            assertThat(css.body()).as(app).contains(".ce-eol-banner").contains("display: none");
        }
    }
}
