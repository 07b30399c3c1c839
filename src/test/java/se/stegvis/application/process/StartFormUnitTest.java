package se.stegvis.application.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.support.StegvisSpringTest;

/** The start form *Registrera ansökan* takes the client's unit (Enhet) like the API: checked, stored on the client. */
@StegvisSpringTest
class StartFormUnitTest {

    @Autowired FormService formService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ClientRepository clients;
    @Autowired Clock clock;

    private Map<String, Object> form(String personnummer, String unit) {
        Map<String, Object> form = new HashMap<>();
        form.put("personnummer", personnummer);
        form.put("manad", YearMonth.now(clock).toString());
        form.put("ansokningstyp", "NYANSOKAN");
        form.put("vuxna", "1");
        form.put("hyra", 5000L);
        if (unit != null) {
            form.put("enhet", unit);
        }
        return form;
    }

    private String definitionId() {
        return repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(EkonomisktBistandProcess.PROCESS_KEY).latestVersion().singleResult().getId();
    }

    @Test
    void theFormsUnitIsStoredOnTheClientAndAnUnknownOneIsRefused() {
        String personnummer = new SyntheticPersonnummer(new Random(System.nanoTime())).next().value();
        var instance = formService.submitStartForm(definitionId(), form(personnummer, "Skärblacka"));
        assertThat(clients.findByPersonnummer(personnummer).orElseThrow().getUnit()).isEqualTo("Skärblacka");
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey("enhet");

        String other = new SyntheticPersonnummer(new Random(System.nanoTime() + 7)).next().value();
        assertThatThrownBy(() -> formService.submitStartForm(definitionId(), form(other, "Norrköping")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Enhet: Okänd enhet");
        assertThat(clients.findByPersonnummer(other)).isEmpty();
    }
}
