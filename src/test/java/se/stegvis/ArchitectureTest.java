package se.stegvis;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feature packages and which may use which (package by feature; features talk through {@code client} or through
 * messages). A new dependency between features is a decision: add it here, and never one that closes a cycle.
 */
class ArchitectureTest {

    /** Feature → the features it may use (besides itself). {@code config} is cross-cutting wiring for everyone. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("config", Set.of()),
            Map.entry("identity", Set.of()),
            Map.entry("letter", Set.of()),
            Map.entry("client", Set.of("config", "identity")),
            Map.entry("norm", Set.of("config")),
            Map.entry("placement", Set.of("config", "client")),
            Map.entry("payment", Set.of("config", "client")),
            Map.entry("journey", Set.of("config", "client", "identity", "placement", "application", "letter",
                    "activity", "integration")),
            // The national aktivitetskrav: who is covered (decisions read by SQL), exemptions, the coverage events
            Map.entry("activity", Set.of("config", "client", "identity", "letter")),
            Map.entry("application", Set.of("config", "client", "identity", "norm", "letter", "payment")),
            Map.entry("integration", Set.of("config", "client", "norm", "letter", "application")),
            Map.entry("appeal", Set.of("config", "client", "identity", "letter", "payment", "application")),
            Map.entry("metrics", Set.of("config", "client", "identity", "norm", "application", "journey", "placement",
                    "payment", "appeal", "activity")),
            Map.entry("security", Set.of("config", "identity")),
            // Instance migration for process owners (Cockpit's "Migrera instanser"): the engine's API only
            Map.entry("migration", Set.of("config")),
            // The model guard judges models for the build and the engine; it knows only the retry-cycle wiring.
            Map.entry("modelguard", Set.of("config")));

    static JavaClasses product;

    @BeforeAll
    static void importClasses() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.stegvis");
    }

    @Test
    void noCyclesBetweenFeaturePackages() {
        slices().matching("se.stegvis.(*)..").should().beFreeOfCycles().check(product);
    }

    @Test
    void featuresUseOnlyTheFeaturesTheyAreAllowedTo() {
        ArchRule rule = ArchRuleDefinition.classes().that().resideInAPackage("se.stegvis.*..")
                .should(new ArchCondition<>("use only the feature packages allowed in ArchitectureTest.ALLOWED") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String from = feature(origin);
                        if (from == null) {
                            return;
                        }
                        Set<String> allowed = ALLOWED.get(from);
                        if (allowed == null) {
                            events.add(SimpleConditionEvent.violated(origin, "feature package " + from
                                    + " is not named in ArchitectureTest.ALLOWED (" + origin.getName() + ")"));
                            return;
                        }
                        origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                            String to = feature(dependency.getTargetClass());
                            if (to != null && !to.equals(from) && !allowed.contains(to)) {
                                events.add(SimpleConditionEvent.violated(dependency, from + " → " + to + ": "
                                        + dependency.getDescription()));
                            }
                        });
                    }
                });
        rule.check(product);
    }

    @Test
    void theRuleItselfHasNoCycle() {
        // Features may not be allowed to use each other both ways, directly or through others.
        for (String start : ALLOWED.keySet()) {
            java.util.Deque<String> todo = new java.util.ArrayDeque<>(ALLOWED.get(start));
            Set<String> seen = new java.util.HashSet<>();
            while (!todo.isEmpty()) {
                String next = todo.pop();
                if (next.equals(start)) {
                    throw new AssertionError("ArchitectureTest.ALLOWED has a cycle through " + start);
                }
                if (seen.add(next)) {
                    todo.addAll(ALLOWED.getOrDefault(next, Set.of()));
                }
            }
        }
    }

    /**
     * Listeners that still write, each to become a service task (issue #16). The list may only shrink: a listener
     * named here that no longer writes fails the test below until it is removed from here.
     */
    static final Map<String, String> LISTENERS_STILL_WRITING = Map.of();

    @Test
    void listenersNamedInTheModelsOnlyValidateRouteOrPrefill() {
        Set<String> named = ListenersWriteNothing.namedInModels(java.nio.file.Path.of("processes"));
        Map<String, JavaClass> listeners = new java.util.TreeMap<>();
        product.stream().filter(ListenersWriteNothing::isListener).filter(c -> !c.isInterface() && !c.isAnonymousClass())
                .forEach(c -> listeners.put(ListenersWriteNothing.beanName(c), c));
        org.assertj.core.api.Assertions.assertThat(listeners.keySet()).as("listener classes for the models' listeners")
                .containsAll(named);
        ArchRule rule = ArchRuleDefinition.classes()
                .that(com.tngtech.archunit.base.DescribedPredicate.describe("are listeners the models name",
                        (JavaClass c) -> ListenersWriteNothing.isListener(c)
                                && named.contains(ListenersWriteNothing.beanName(c))
                                && !LISTENERS_STILL_WRITING.containsKey(ListenersWriteNothing.beanName(c))))
                .should(ListenersWriteNothing.writeNothing());
        rule.check(product);
        for (String stillWriting : LISTENERS_STILL_WRITING.keySet()) {
            JavaClass type = listeners.get(stillWriting);
            org.assertj.core.api.Assertions.assertThat(type).as(stillWriting).isNotNull();
            org.assertj.core.api.Assertions.assertThat(ArchRuleDefinition.classes().that()
                    .haveFullyQualifiedName(type.getName()).should(ListenersWriteNothing.writeNothing())
                    .evaluate(product).hasViolation())
                    .as(stillWriting + " writes nothing any more: remove it from LISTENERS_STILL_WRITING").isTrue();
        }
    }

    @Test
    void engineWideListenersAreNamedWithTheirReason() {
        // The plugins that add a listener to every task (completed-by, task notes) exist and say why they may write.
        ListenersWriteNothing.ENGINE_WIDE.forEach((type, reason) -> {
            org.assertj.core.api.Assertions.assertThat(product.contain(type)).as(type).isTrue();
            org.assertj.core.api.Assertions.assertThat(reason).isNotBlank();
        });
    }

    /** The rule must catch each way a listener can write, or the test above proves nothing. */
    @Test
    void theListenerRuleCatchesAWritingListener() {
        JavaClasses samples = new ClassFileImporter().importClasses(
                listenersamples.ListenerSamples.SavesThroughARepository.class,
                listenersamples.ListenerSamples.CallsAWriteMethod.class,
                listenersamples.ListenerSamples.CallsAWritingService.class,
                listenersamples.ListenerSamples.ChangesAnEntity.class,
                listenersamples.ListenerSamples.OnlyValidatesAndPrefills.class,
                listenersamples.ListenerSamples.Service.class, listenersamples.ListenerSamples.Record.class,
                listenersamples.ListenerSamples.Records.class);
        ArchRule rule = ArchRuleDefinition.classes().that().implement(org.camunda.bpm.engine.delegate.TaskListener.class)
                .should(ListenersWriteNothing.writeNothing("listenersamples"));
        var result = rule.evaluate(samples);
        String report = String.join("\n", result.getFailureReport().getDetails());
        org.assertj.core.api.Assertions.assertThat(report)
                .contains("SavesThroughARepository depends on the Spring Data repository")
                .contains("CallsAWriteMethod calls Service.registerSomething (its name says it writes)")
                .contains("CallsAWritingService calls Service.approve (it runs in a transaction that is not read-only)")
                .contains("ChangesAnEntity calls Record.close (it changes the entity Record)")
                .doesNotContain("OnlyValidatesAndPrefills");
        org.assertj.core.api.Assertions.assertThat(ListenersWriteNothing.WRITE_NAME.matcher("recordsHours").matches()).isFalse();
        org.assertj.core.api.Assertions.assertThat(ListenersWriteNothing.WRITE_NAME.matcher("recordInvestigated").matches()).isTrue();
        org.assertj.core.api.Assertions.assertThat(ListenersWriteNothing.WRITE_NAME.matcher("save").matches()).isTrue();
    }

    /**
     * Every query method of a repository carries its JPQL ({@code @Query}). Spring Data JPA 3.5 builds a derived query
     * ({@code findByClientIdAndMonth}) with the Criteria API on every call, and Hibernate 6.6 cannot cache a criteria
     * query's plan, so each call parsed and translated it again: 5 % of Stegvis' CPU in the monthly application (JFR,
     * issue #14). A query string is translated once and its plan reused.
     */
    @Test
    void repositoryQueriesAreWrittenInJpql() {
        ArchRuleDefinition.methods().that().areDeclaredInClassesThat()
                .areAssignableTo(org.springframework.data.repository.Repository.class)
                .and().areDeclaredInClassesThat().resideInAPackage("se.stegvis..")
                .and().haveNameMatching("(find|count|exists|delete|remove|get|read|query|search|stream)\\w*By\\w*")
                .should().beAnnotatedWith(org.springframework.data.jpa.repository.Query.class)
                .because("a derived query is built and translated anew on every call (Hibernate 6.6 caches no criteria"
                        + " plans); write the JPQL")
                .check(product);
    }

    /** The feature package of a class of se.stegvis, or null (the application class, Java, libraries). */
    static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("se.stegvis.")) {
            return null;
        }
        String rest = name.substring("se.stegvis.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
