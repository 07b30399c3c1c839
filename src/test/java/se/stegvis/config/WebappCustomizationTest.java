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

    @Test
    void everyWebappServesItsSwedishLocaleAndConfiguration() {
        Http http = new Http(port);
        for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
            var locale = http.get("/camunda/app/" + app + "/locales/sv.json", null);
            assertThat(locale.statusCode()).as(app).isEqualTo(200);
            assertThat(locale.body()).as(app).contains("\"labels\"", "Logga in");
            var config = http.get("/camunda/app/" + app + "/scripts/config.js", null);
            assertThat(config.statusCode()).as(app).isEqualTo(200);
            assertThat(config.body()).as(app).contains("fallbackLocale: 'sv'", "name: 'Stegvis'");
        }
    }

    @Test
    void cockpitLoadsTheNyckeltalPluginFromTheApplication() {
        Http http = new Http(port);
        var config = http.get("/camunda/app/cockpit/scripts/config.js", null);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("customScripts").contains("'nyckeltal/plugin.js'");
        for (String module : new String[] {"plugin.js", "view.js", "charts.js", "format.js"}) {
            var js = http.get("/camunda/app/cockpit/nyckeltal/" + module, null);
            assertThat(js.statusCode()).as(module).isEqualTo(200);
            // Browsers import ES modules only with a JavaScript MIME type.
            assertThat(js.headers().firstValue("Content-Type")).as(module).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/javascript"));
        }
        var plugin = http.get("/camunda/app/cockpit/nyckeltal/plugin.js", null).body();
        assertThat(plugin).contains("pluginPoint: 'cockpit.navigation'", "pluginPoint: 'cockpit.route'");
        // No credentials in the plugin: the Cockpit session is used.
        assertThat(http.get("/camunda/app/cockpit/nyckeltal/view.js", null).body())
                .contains("credentials: 'same-origin'").doesNotContain("Authorization").doesNotContain("demo");
    }
}
