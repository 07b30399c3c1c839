package se.stegvis.identity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import se.stegvis.support.EmbeddedPostgresDataSource;

/**
 * A measurement, not a test (not run by {@code ./mvnw verify}; BENCHMARKS.md, "Start-up"): what {@link IdentitySetup},
 * which runs at every start before the web server accepts calls, costs on a database with the grants of 150 000 open
 * tasks on a bare role and as many on a unit-role group. Run with
 * {@code ./mvnw -B -o test -Dtest=IdentitySetupScaleExperiment -Dsurefire.failIfNoSpecifiedTests=false}; it prints
 * the time of three set-ups.
 */
class IdentitySetupScaleExperiment {

    @Test
    void experiment() throws Exception {
        String url = EmbeddedPostgresDataSource.newDatabase("identity_scale");
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("identity-scale") // not "default": that is the Spring tests' engine
                .setJdbcUrl(url).setJdbcUsername("postgres").setJdbcPassword("postgres")
                .setJdbcDriver("org.postgresql.Driver")
                .setDatabaseSchemaUpdate("true")
                .setAuthorizationEnabled(true)
                .setJobExecutorActivate(false);
        cfg.setEnforceSpecificVariablePermission(true);
        cfg.setDefaultUserPermissionNameForTask("TASK_WORK");
        cfg.setGeneralResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*|camunda-admin");
        ProcessEngine engine = cfg.buildProcessEngine();
        try {
            int perms = TaskPermissions.READ.getValue() | TaskPermissions.TASK_WORK.getValue()
                    | TaskPermissions.READ_VARIABLE.getValue();
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                 Statement s = c.createStatement()) {
                s.execute("delete from act_ru_authorization where resource_type_ = " + Resources.TASK.resourceType()
                        + " and resource_id_ like 'task-%'");
                for (String group : new String[] {"handlaggare", "handlaggare-centrum"}) {
                    s.execute("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, "
                            + "resource_id_, perms_) select '" + group + "-' || g, 1, 1, '" + group + "', "
                            + Resources.TASK.resourceType() + ", 'task-' || g, " + perms
                            + " from generate_series(1, 150000) g");
                }
                s.execute("analyze act_ru_authorization");
            }
            MockEnvironment env = new MockEnvironment()
                    .withProperty("stegvis.units.names[0]", "centrum")
                    .withProperty("camunda.bpm.generic-properties.properties.enforce-specific-variable-permission",
                            "true");
            IdentitySetup setup = new IdentitySetup(engine.getIdentityService(), engine.getAuthorizationService(),
                    engine.getFilterService(), engine.getTaskService(),
                    new AdminProperties("admin", "Stegvis-Admin-2026!x", false), new EserviceProperties("etjanst", ""),
                    false, false, env);
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                setup.apply();
                System.out.printf("IdentitySetup.apply with 300 000 task grants: %d ms%n",
                        (System.nanoTime() - t0) / 1_000_000);
            }
        } finally {
            engine.close();
        }
    }
}
