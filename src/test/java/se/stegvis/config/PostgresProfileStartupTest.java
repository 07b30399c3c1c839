package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.stegvis.StegvisApplication;
import se.stegvis.support.EmbeddedPostgresDataSource;

/** The production profile: PostgreSQL from DB_URL/DB_USER/DB_PASSWORD, no demo users, a real admin password. */
class PostgresProfileStartupTest {

    private static final String DB = EmbeddedPostgresDataSource.newDatabase("stegvis_prod");

    @Test
    void refusesToStartWithoutAdminPassword() {
        assertThatThrownBy(() -> start(""))
                .rootCause().hasMessageContaining("STEGVIS_ADMIN_PASSWORD is not set");
    }

    @Test
    void refusesToStartWithDefaultAdminPassword() {
        assertThatThrownBy(() -> start("demo"))
                .rootCause().hasMessageContaining("STEGVIS_ADMIN_PASSWORD is a default");
    }

    @Test
    void refusesToStartWithAShortEservicePassword() {
        assertThatThrownBy(() -> start("Lång-och-Hemlig-2026", "kort-etjanst"))
                .rootCause().hasMessageContaining("STEGVIS_ETJANST_PASSWORD must have at least");
    }

    @Test
    void startsWithAdminFromEnvironmentAndNoDemoUsers() {
        try (ConfigurableApplicationContext app = start("Lång-och-Hemlig-2026")) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.checkPassword("driftadmin", "Lång-och-Hemlig-2026")).isTrue();
            assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId("driftadmin").count()).isEqualTo(1);
            assertThat(identity.createUserQuery().userId("handlaggare1").count()).isZero();
            assertThat(identity.createGroupQuery().groupId("handlaggare").count()).isEqualTo(1);
            // Only administrators deploy in production; process owners read what is deployed.
            var authorizations = app.getBean(org.camunda.bpm.engine.AuthorizationService.class);
            var owner = java.util.List.of(se.stegvis.identity.StegvisGroups.PROCESSAGARE);
            assertThat(authorizations.isUserAuthorized("agare", owner, org.camunda.bpm.engine.authorization.Permissions.CREATE,
                    org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT)).isFalse();
            assertThat(authorizations.isUserAuthorized("agare", owner, org.camunda.bpm.engine.authorization.Permissions.READ,
                    org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT)).isTrue();
            // A 500 tells nothing of what failed, in /api and in Camunda's REST API.
            assertThat(app.getEnvironment().getProperty("server.error.include-message")).isEqualTo("never");
            assertThat(app.getEnvironment().getProperty("stegvis.errors.hide-server-error-messages", Boolean.class)).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String adminPassword) {
        return start(adminPassword, "");
    }

    private static ConfigurableApplicationContext start(String adminPassword, String eservicePassword) {
        // The same names the compose file and a production host set; DB_* and STEGVIS_* as environment.
        return new SpringApplicationBuilder(StegvisApplication.class)
                .profiles("postgres")
                .properties("DB_URL=" + DB, "DB_USER=postgres", "DB_PASSWORD=postgres",
                        "STEGVIS_ADMIN_USER=driftadmin", "STEGVIS_ADMIN_PASSWORD=" + adminPassword,
                        "STEGVIS_ETJANST_PASSWORD=" + eservicePassword)
                // command-line arguments outrank application.yaml; an engine name of its own, because Camunda's
                // static engine registry is shared by the test JVM
                .run("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                        "--camunda.bpm.process-engine-name=postgresprofile");
    }
}
