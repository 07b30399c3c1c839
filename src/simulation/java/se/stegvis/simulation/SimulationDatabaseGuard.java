package se.stegvis.simulation;

import java.util.Arrays;
import java.util.Objects;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * The simulation writes a synthetic population into the database it runs on. With the profile {@code postgres}
 * (production settings) it refuses to start unless {@code stegvis.simulation.database} names the very database it
 * writes into ({@code spring.datasource.url}) — so that synthetic households never end up in a real installation
 * by a forgotten profile. Runs before any bean (and so before Flyway or the engine touch the database).
 */
public class SimulationDatabaseGuard implements EnvironmentPostProcessor {

    public static final String SIMULATION_PROFILE = "simulation";
    public static final String POSTGRES_PROFILE = "postgres";
    public static final String DATABASE_SETTING = "stegvis.simulation.database";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        check(environment);
    }

    /** Throws when the simulation would write into a postgres installation it was not pointed at. */
    public static void check(Environment environment) {
        var profiles = Arrays.asList(environment.getActiveProfiles());
        if (!profiles.contains(SIMULATION_PROFILE) || !profiles.contains(POSTGRES_PROFILE)) {
            return;
        }
        String named = property(environment, DATABASE_SETTING);
        if (named == null || named.isBlank()) {
            throw new IllegalStateException("Profilen simulation skriver syntetiska hushåll i databasen och vägrar "
                    + "att köras tillsammans med profilen postgres utan att få veta vart: sätt " + DATABASE_SETTING
                    + " till samma JDBC-adress som spring.datasource.url (DB_URL).");
        }
        if (!Objects.equals(named.strip(), strip(property(environment, "spring.datasource.url")))) {
            // The addresses are not printed: they may carry credentials.
            throw new IllegalStateException("Profilen simulation med profilen postgres: " + DATABASE_SETTING
                    + " är inte samma JDBC-adress som spring.datasource.url (DB_URL); simuleringen startar inte.");
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String property(Environment environment, String name) {
        try {
            return environment.getProperty(name);
        } catch (IllegalArgumentException unresolvable) {
            return null;
        }
    }
}
