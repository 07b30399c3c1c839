package se.stegvis.modelguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import se.stegvis.client.domain.ClientRepository;

/**
 * The engine's expression language at run time: what a model deployed before the guard (or one that slipped past it)
 * can still reach. Evaluated through the same resolver the engine uses for BPMN and DMN expressions.
 */
class ModelExpressionManagerTest {

    final ClientRepository clientRepository = mock(ClientRepository.class);
    final GenericApplicationContext context = new GenericApplicationContext();
    final se.stegvis.application.process.RegisterDecisionDelegate delegate =
            mock(se.stegvis.application.process.RegisterDecisionDelegate.class);
    final se.stegvis.journey.process.FollowUpConversationRecorder recorder =
            mock(se.stegvis.journey.process.FollowUpConversationRecorder.class);
    final ModelExpressionManager manager;

    ModelExpressionManagerTest() {
        context.registerBean("clientRepository", ClientRepository.class, () -> clientRepository);
        context.registerBean("registerDecisionDelegate", se.stegvis.application.process.RegisterDecisionDelegate.class,
                () -> delegate);
        context.registerBean("outsideDelegate", JavaDelegate.class, () -> mock(JavaDelegate.class));
        context.registerBean("followUpConversationRecorder", se.stegvis.journey.process.FollowUpConversationRecorder.class,
                () -> recorder);
        context.refresh();
        manager = new ModelExpressionManager(new RegisteredBeans(context));
    }

    Object eval(String expression, Map<String, Object> variables) {
        return manager.createValueExpression(expression)
                .getValue(manager.createElContext(Variables.fromMap(variables).asVariableContext()));
    }

    @Test
    void evaluatesTheConditionsAndValuesTheModelsUse() {
        assertThat(eval("${beslut == 'AVSLAG'}", Map.of("beslut", "AVSLAG"))).isEqualTo(true);
        assertThat(eval("${beviljatBelopp <= 0}", Map.of("beviljatBelopp", 4480L))).isEqualTo(false);
        assertThat(eval("${nyaInsatser.isEmpty()}", Map.of("nyaInsatser", List.of()))).isEqualTo(true);
        assertThat(eval("${!nyaInsatser.isEmpty()}", Map.of("nyaInsatser", List.of("a")))).isEqualTo(true);
        assertThat(eval("${placementIds}", Map.of("placementIds", List.of("a", "b")))).isEqualTo(List.of("a", "b"));
        assertThat(eval("${svar['belopp']}", Map.of("svar", Map.of("belopp", 5)))).isEqualTo(5);
    }

    @Test
    void readsTheBusinessKeyOfTheExecutionAndNothingElseOfIt() {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessBusinessKey()).thenReturn("ansokan-1");
        assertThat(eval("#{execution.processBusinessKey}", Map.of("execution", execution))).isEqualTo("ansokan-1");
        assertThatThrownBy(() -> eval("${execution.processEngineServices}", Map.of("execution", execution)))
                .isInstanceOf(ELException.class);
        assertThatThrownBy(() -> eval("${execution.getProcessEngine()}", Map.of("execution", execution)))
                .isInstanceOf(ELException.class);
    }

    @Test
    void resolvesTheRegisteredDelegatesOnly() {
        assertThat(eval("${registerDecisionDelegate}", Map.of())).isSameAs(delegate);
        // The recorder a user task names in 'taskLifecycleRecorder' (config.TaskLifecyclePlugin resolves it so).
        assertThat(eval("${followUpConversationRecorder}", Map.of())).isSameAs(recorder);
        // A bean outside Stegvis' packages, even a JavaDelegate, and the application's other beans are not there.
        assertThatThrownBy(() -> eval("${outsideDelegate}", Map.of())).isInstanceOf(ELException.class);
        assertThatThrownBy(() -> eval("${clientRepository}", Map.of())).isInstanceOf(ELException.class);
        assertThatThrownBy(() -> eval("${clientRepository.count()}", Map.of())).isInstanceOf(ELException.class);
        verifyNoInteractions(clientRepository);
    }

    @Test
    void callsNoMethodsSoNoCodeRuns() {
        assertThatThrownBy(() -> eval("${''.getClass().forName('java.lang.Runtime')}", Map.of()))
                .isInstanceOf(ELException.class);
        assertThatThrownBy(() -> eval("${registerDecisionDelegate.execute(null)}", Map.of()))
                .isInstanceOf(ELException.class);
        assertThatThrownBy(() -> eval("${x.toString()}", Map.of("x", "text"))).isInstanceOf(ELException.class);
        verifyNoInteractions(delegate);
    }
}
