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
    void startsWithAdminFromEnvironmentAndNoDemoUsers() throws Exception {
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
            // Production settings (#13): secure session cookies, HSTS, Camunda's password policy, a metrics-only user.
            var env = app.getEnvironment();
            assertThat(env.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
            assertThat(env.getProperty("server.servlet.session.cookie.http-only", Boolean.class)).isTrue();
            assertThat(env.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie", Boolean.class)).isTrue();
            assertThat(env.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie", Boolean.class)).isTrue();
            assertThat(env.getProperty("camunda.bpm.webapp.header-security.hsts-disabled", Boolean.class)).isFalse();
            var engine = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) app
                    .getBean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration();
            assertThat(engine.isEnablePasswordPolicy()).isTrue();
            var weak = identity.newUser("svag");
            weak.setPassword("kort");
            assertThatThrownBy(() -> identity.saveUser(weak)).hasMessageContaining("policy");
            assertThat(identity.createUserQuery().userId("svag").count()).isZero();
            assertThat(identity.checkPassword("prometheus", METRICS_PASSWORD)).isTrue();
            assertThat(identity.createUserQuery().userId("prometheus").memberOfGroup("overvakning").count()).isOne();
            assertThat(identity.createUserQuery().memberOfGroup("overvakning").count()).as("no demo user").isOne();
            // The task lists' plans (config/AuthorizationStatistics): statistics on the READ bits, custom plans.
            var jdbc = new org.springframework.jdbc.core.JdbcTemplate(app.getBean(javax.sql.DataSource.class));
            // Custom plans only for the task queries' transactions (TaskQueryPlans), not for every connection.
            assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("auto");
            assertThat(jdbc.queryForList("select stxname from pg_statistic_ext where stxrelid = 'act_ru_authorization'::regclass",
                    String.class)).containsExactlyInAnyOrder("stegvis_auth_perms_read", "stegvis_auth_perms_read_task");
            // Start-up (BENCHMARKS.md): no schema validation (EntitySchemaTest does it), repositories made lazily and
            // then all of them once the application is ready (config/LazyRepositories), Hibernate on its own thread.
            assertThat(env.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
            assertThat(env.getProperty("spring.data.jpa.repositories.bootstrap-mode")).isEqualTo("lazy");
            int repositories = app.getBean(LazyRepositories.class).initialized().get(3, java.util.concurrent.TimeUnit.MINUTES);
            assertThat(repositories).isGreaterThan(30)
                    .isEqualTo(app.getBeanNamesForType(org.springframework.data.repository.Repository.class).length);
            assertThat(app.getBean(se.stegvis.application.domain.ApplicationRepository.class).findByMonth("2026-01")).isEmpty();
            var jpa = (org.springframework.orm.jpa.AbstractEntityManagerFactoryBean) app.getBean("&entityManagerFactory");
            assertThat(jpa.getBootstrapExecutor()).isInstanceOfSatisfying(org.springframework.core.task.SimpleAsyncTaskExecutor.class,
                    executor -> assertThat(executor.getThreadNamePrefix()).isEqualTo(LazyRepositories.BOOTSTRAP_THREAD));
            assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'stegvis_auth_user_id'",
                    Integer.class)).as("the grants' user indexed").isOne();
        }
    }

    private static final String METRICS_PASSWORD = "Skrapa-Tal-2026!";

    private static ConfigurableApplicationContext start(String adminPassword) {
        return start(adminPassword, "");
    }

    private static ConfigurableApplicationContext start(String adminPassword, String eservicePassword) {
        // The same names the compose file and a production host set; DB_* and STEGVIS_* as environment.
        return new SpringApplicationBuilder(StegvisApplication.class)
                .profiles("postgres")
                .properties("DB_URL=" + DB, "DB_USER=postgres", "DB_PASSWORD=postgres",
                        "STEGVIS_ADMIN_USER=driftadmin", "STEGVIS_ADMIN_PASSWORD=" + adminPassword,
                        "STEGVIS_METRICS_PASSWORD=" + METRICS_PASSWORD, "STEGVIS_ETJANST_PASSWORD=" + eservicePassword)
                // command-line arguments outrank application.yaml; an engine name of its own, because Camunda's
                // static engine registry is shared by the test JVM
                .run("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                        "--camunda.bpm.process-engine-name=postgresprofile");
    }
}
