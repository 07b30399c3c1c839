package se.stegvis.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Keeps the values of a failed SQL statement out of exception messages and so out of every log line: the PostgreSQL
 * driver otherwise puts the server's detail into the message, e.g. {@code Key (personnummer)=(...) already exists}
 * on a unique key. Only the constraint's name remains, which is enough to find the cause.
 */
@Component
public class DatabaseErrorPrivacy implements BeanPostProcessor {

    static final String LOG_SERVER_ERROR_DETAIL = "logServerErrorDetail";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            hikari.addDataSourceProperty(LOG_SERVER_ERROR_DETAIL, "false");
        }
        return bean;
    }
}
