package se.stegvis.config;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.repository.Repository;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

/**
 * Profile {@code postgres} starts the Spring Data repositories lazily ({@code spring.data.jpa.repositories.bootstrap-mode:
 * lazy}), so that a node answers health sooner after a restart (issue #14, BENCHMARKS.md "Start-up"):
 *
 * <ul>
 *   <li>A repository is made when it is first used, not while the context starts. Making one parses each of its
 *       queries twice (Spring Data's and Hibernate's HQL parsers, ANTLR): 18 % of the main thread's CPU of a start.
 *       {@link #initializeAll()} makes them all on a thread of its own once the application is ready, so that the
 *       first requests seldom wait for one, and so that a query that does not parse is logged at start as an ERROR
 *       (the tests' context, default profile, makes every repository while it starts and fails on such a query).</li>
 *   <li>Hibernate builds its entity manager factory on a thread of its own ({@code jpa-bootstrap}) while the main
 *       thread builds the engine, which waits for it only at its first transaction. Spring Boot would take
 *       {@code applicationTaskExecutor} for it, but there is none here: Camunda's {@code camundaTaskExecutor} is an
 *       executor already, so Boot makes none (and took the scheduler's single thread instead).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.data.jpa.repositories.bootstrap-mode", havingValue = "lazy")
public class LazyRepositories {

    /** The name (prefix) of the thread Hibernate is built on. */
    public static final String BOOTSTRAP_THREAD = "jpa-bootstrap-";

    private static final Logger log = LoggerFactory.getLogger(LazyRepositories.class);

    private final ConfigurableApplicationContext context;
    private final CompletableFuture<Integer> initialized = new CompletableFuture<>();

    public LazyRepositories(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Hibernate on a thread of its own. A post-processor, not an {@code EntityManagerFactoryBuilderCustomizer}: Boot's
     * own customizer runs after any of ours and would put the build on the one thread of the scheduler of the
     * {@code @Scheduled} jobs (the only other executor it finds).
     */
    @Bean
    static BeanPostProcessor entityManagerFactoryOnItsOwnThread() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractEntityManagerFactoryBean factory) {
                    SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(BOOTSTRAP_THREAD);
                    executor.setDaemon(true);
                    factory.setBootstrapExecutor(executor);
                }
                return bean;
            }
        };
    }

    @EventListener(ApplicationReadyEvent.class)
    public void initializeWhenReady() {
        Thread thread = new Thread(this::initializeAll, "stegvis-repositories");
        thread.setDaemon(true);
        thread.start();
    }

    /** Makes every repository not made yet; completes {@link #initialized()} with how many there are. */
    void initializeAll() {
        long start = System.nanoTime();
        try {
            int count = context.getBeansOfType(Repository.class).size();
            log.info("{} repositories made in {} ms after the application was ready", count,
                    (System.nanoTime() - start) / 1_000_000);
            initialized.complete(count);
        } catch (RuntimeException e) {
            if (context.isActive()) {
                log.error("A repository could not be made: {}", e.getMessage(), e);
            }
            initialized.completeExceptionally(e);
        }
    }

    /** Completes once every repository is made (with their number), or fails with the reason one could not be. */
    public CompletableFuture<Integer> initialized() {
        return initialized;
    }
}
