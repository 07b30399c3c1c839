package se.stegvis.simulation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile {@code simulation}: fills the installation with a simulated period before it opens, prints the summary
 * and the key figures, and then keeps running for Tasklist and Cockpit (or stops with {@code --exit}). Wrong
 * arguments stop the application with a message naming them.
 */
@Component
@Profile("simulation")
public class SimulationRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SimulationRunner.class);

    private final ApplicationContext context;

    public SimulationRunner(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        java.util.Map<String, java.util.List<String>> options = new java.util.TreeMap<>();
        for (String name : arguments.getOptionNames()) {
            options.put(name, arguments.getOptionValues(name));
        }
        SimulationSettings settings;
        try {
            settings = SimulationSettings.parse(options);
        } catch (IllegalArgumentException e) {
            log.error(e.getMessage());
            System.err.println(e.getMessage());
            System.exit(SpringApplication.exit(context, () -> 2));
            return;
        }
        SimulationReport report = new Simulation(context).run(settings);
        System.out.println(report.text());
        if (settings.exit()) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
        log.info("Simuleringen är klar. Logga in i Tasklist och Cockpit: http://localhost:8080/camunda/app/ "
                + "(jobbexekveringen är avstängd i profilen simulation; starta om utan profilen för att arbeta vidare)");
    }
}
