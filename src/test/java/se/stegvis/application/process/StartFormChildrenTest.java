package se.stegvis.application.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.norm.domain.Household;
import se.stegvis.support.StegvisSpringTest;

/**
 * The start form *Registrera ansökan*: the children's ages, and which of them do not eat lunch at home every weekday
 * (the lower riksnorm amount for 0–6 years from 2026), are stored per child; an age that is not among the children is
 * refused naming the field, and nothing is stored.
 */
@StegvisSpringTest
class StartFormChildrenTest {

    @Autowired FormService formService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ApplicationRepository applications;
    @Autowired ClientRepository clients;
    @Autowired Clock clock;

    private Map<String, Object> form(String personnummer, String ages, String withoutLunch) {
        Map<String, Object> form = new HashMap<>();
        form.put("personnummer", personnummer);
        form.put("manad", YearMonth.now(clock).toString());
        form.put("ansokningstyp", "NYANSOKAN");
        form.put("vuxna", "2");
        form.put("barnsAldrar", ages);
        form.put("barnUtanLunchHemma", withoutLunch);
        return form;
    }

    private String definitionId() {
        return repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(EkonomisktBistandProcess.PROCESS_KEY).latestVersion().singleResult().getId();
    }

    @Test
    void eachAgeListedWithoutLunchMarksOneChildOfThatAge() {
        String personnummer = new SyntheticPersonnummer(new Random(System.nanoTime())).next().value();
        var instance = formService.submitStartForm(definitionId(), form(personnummer, "3, 8, 3", "3"));
        UUID id = UUID.fromString(runtimeService.<org.camunda.bpm.engine.variable.value.StringValue>getVariableTyped(instance.getId(),
                EkonomisktBistandProcess.APPLICATION_ID).getValue());
        assertThat(applications.findById(id).orElseThrow().household().children()).containsExactly(
                new Household.Child(3, false), new Household.Child(8, true), new Household.Child(3, true));
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys("barnsAldrar", "barnUtanLunchHemma");
    }

    @Test
    void anAgeWithoutAChildIsRefusedNamingTheField() {
        String personnummer = new SyntheticPersonnummer(new Random(System.nanoTime() + 3)).next().value();
        assertThatThrownBy(() -> formService.submitStartForm(definitionId(), form(personnummer, "3, 8", "5")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Barn som inte äter lunch hemma: det finns inget barn på 5 år");
        assertThatThrownBy(() -> formService.submitStartForm(definitionId(), form(personnummer, "3", "3, 3")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("det finns inget mer barn på 3 år");
        assertThat(clients.findByPersonnummer(personnummer)).isEmpty();
    }
}
