package se.stegvis.simulation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Profile simulation never writes synthetic households into a postgres installation it was not pointed at. */
class SimulationDatabaseGuardTest {

    static final String URL = "jdbc:postgresql://db.example/stegvis";

    static MockEnvironment environment(String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        environment.setProperty("spring.datasource.url", URL);
        return environment;
    }

    @Test
    void refusesPostgresWithoutBeingToldWhere() {
        assertThatThrownBy(() -> SimulationDatabaseGuard.check(environment("simulation", "postgres")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stegvis.simulation.database")
                .hasMessageNotContaining("db.example");
    }

    @Test
    void refusesPostgresWhenTheSettingNamesAnotherDatabase() {
        MockEnvironment environment = environment("postgres", "simulation");
        environment.setProperty("stegvis.simulation.database", "jdbc:postgresql://db.example/stegvis-sim");
        assertThatThrownBy(() -> SimulationDatabaseGuard.check(environment))
                .hasMessageContaining("inte samma JDBC-adress")
                .hasMessageNotContaining("db.example");
    }

    @Test
    void runsOnPostgresWhenTheSettingNamesTheDatabaseItWritesInto() {
        MockEnvironment environment = environment("simulation", "postgres");
        environment.setProperty("stegvis.simulation.database", URL);
        assertThatCode(() -> SimulationDatabaseGuard.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void leavesOtherCombinationsAlone() {
        assertThatCode(() -> SimulationDatabaseGuard.check(environment("simulation"))).doesNotThrowAnyException();
        assertThatCode(() -> SimulationDatabaseGuard.check(environment("postgres"))).doesNotThrowAnyException();
        assertThatCode(() -> SimulationDatabaseGuard.check(environment("test"))).doesNotThrowAnyException();
    }

    @Test
    void unresolvedDatabaseAddressIsRefusedToo() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("simulation", "postgres");
        environment.setProperty("spring.datasource.url", "${DB_URL}");
        assertThatThrownBy(() -> SimulationDatabaseGuard.check(environment))
                .hasMessageContaining("stegvis.simulation.database");
    }
}
