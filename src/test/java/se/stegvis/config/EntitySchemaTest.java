package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateProperties;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateSettings;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypesScanner;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import se.stegvis.StegvisApplication;
import se.stegvis.support.EmbeddedPostgresDataSource;

/**
 * Every entity matches the schema Flyway makes, on PostgreSQL. Production does not check it at start (profile
 * {@code postgres}: {@code spring.jpa.hibernate.ddl-auto: none}, BENCHMARKS.md "Start-up"), so this test does, as
 * Spring Boot would: the entities Boot finds under the application's package, Boot's naming strategies, Hibernate's
 * schema validation, on a database migrated from nothing by the application's migrations (SQL and Java). No Spring
 * context: seconds.
 */
class EntitySchemaTest {

    private static final String DATABASE = "stegvis_entity_schema";

    private static HikariDataSource dataSource;

    @BeforeAll
    static void migratedDatabase() {
        var server = EmbeddedPostgresDataSource.server();
        new JdbcTemplate(server.getPostgresDatabase()).execute("drop database if exists " + DATABASE);
        dataSource = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(EmbeddedPostgresDataSource.newDatabase(DATABASE))
                .username("postgres").password("postgres").driverClassName("org.postgresql.Driver").build();
        // As application.yaml configures Flyway (spring.flyway.*)
        Flyway.configure().dataSource(dataSource).table("stegvis_schema_history").baselineOnMigrate(true)
                .load().migrate();
    }

    @AfterAll
    static void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void everyEntityMatchesTheMigratedSchema() {
        PersistenceManagedTypes entities = entities();
        assertThat(entities.getManagedClassNames()).as("entities found under se.stegvis")
                .hasSizeGreaterThanOrEqualTo(40)
                .contains("se.stegvis.activity.domain.Exemption", "se.stegvis.application.domain.Application");
        validate(dataSource, entities); // throws when an entity does not match
    }

    @Test
    void aMissingColumnIsFound() {
        // The same validation with one mapped column missing (renamed, and back): proves that it looks.
        var jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("alter table activity_exemption rename column valid_from to valid_from_renamed");
        try {
            assertThatThrownBy(() -> validate(dataSource, entities()))
                    .rootCause().hasMessageContaining("valid_from").hasMessageContaining("activity_exemption");
        } finally {
            jdbc.execute("alter table activity_exemption rename column valid_from_renamed to valid_from");
        }
    }

    /** The entities as Spring Boot finds them: under the package of the application class. */
    private static PersistenceManagedTypes entities() {
        return new PersistenceManagedTypesScanner(new DefaultResourceLoader())
                .scan(StegvisApplication.class.getPackageName());
    }

    /** Builds the entity manager factory as Spring Boot does, with Hibernate's schema validation on. */
    private static void validate(DataSource database, PersistenceManagedTypes entities) {
        Map<String, Object> properties = new HibernateProperties()
                .determineHibernateProperties(Map.of(), new HibernateSettings().ddlAuto(() -> "validate"));
        assertThat(properties).containsEntry("hibernate.hbm2ddl.auto", "validate");
        var factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(database);
        factory.setManagedTypes(entities);
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setJpaPropertyMap(properties);
        factory.setPersistenceUnitName("entity-schema");
        try {
            factory.afterPropertiesSet();
        } finally {
            factory.destroy();
        }
    }
}
