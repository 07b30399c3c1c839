package se.stegvis.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line of the simulation: defaults, and a clear message naming each wrong argument. */
class SimulationSettingsTest {

    @Test
    void defaultsSimulateTheYearEndingDecember2025() {
        SimulationSettings settings = SimulationSettings.parse(Map.of());
        assertThat(settings.households()).isEqualTo(300);
        assertThat(settings.start()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(settings.end()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(settings.seed()).isEqualTo(42);
        assertThat(settings.exit()).isFalse();
    }

    @Test
    void readsEveryArgument() {
        SimulationSettings settings = SimulationSettings.parse(Map.of("households", List.of("15"), "months",
                List.of("4"), "end", List.of("2024-04"), "seed", List.of("7"), "exit", List.of(),
                "spring.profiles.active", List.of("simulation")));
        assertThat(settings).isEqualTo(new SimulationSettings(15, 4, YearMonth.of(2024, 4), 7, true));
        assertThat(settings.start()).isEqualTo(YearMonth.of(2024, 1));
    }

    @Test
    void refusesWrongArgumentsNamingThem() {
        assertThatThrownBy(() -> SimulationSettings.parse(Map.of("households", List.of("många"))))
                .hasMessageContaining("--households ska vara ett heltal");
        assertThatThrownBy(() -> SimulationSettings.parse(Map.of("households", List.of("0"))))
                .hasMessageContaining("--households ska vara ett heltal 1–");
        assertThatThrownBy(() -> SimulationSettings.parse(Map.of("months", List.of("0"))))
                .hasMessageContaining("--months");
        assertThatThrownBy(() -> SimulationSettings.parse(Map.of("end", List.of("2025-13"))))
                .hasMessageContaining("--end ska vara en månad ÅÅÅÅ-MM");
        assertThatThrownBy(() -> SimulationSettings.parse(Map.of("seed", List.of("x"))))
                .hasMessageContaining("--seed ska vara ett heltal");
        assertThatThrownBy(() -> SimulationSettings.parse(Map.of("hushall", List.of("3"))))
                .hasMessageContaining("okänt argument --hushall");
        assertThatThrownBy(() -> SimulationSettings.parse(Map.of("exit", List.of("ja"))))
                .hasMessageContaining("--exit");
    }

    @Test
    void theMonthsMustLieInTheRiksnormTable() {
        assertThatThrownBy(() -> SimulationSettings.parse(Map.of("end", List.of("2027-01"))))
                .hasMessageContaining("riksnormtabellen 2022-01–2026-12");
        assertThat(SimulationSettings.parse(Map.of("end", List.of("2026-12"))).end()).isEqualTo(YearMonth.of(2026, 12));
        assertThatThrownBy(() -> SimulationSettings.parse(Map.of("end", List.of("2022-06"), "months", List.of("12"))))
                .hasMessageContaining("2021-07–2022-06");
        assertThat(SimulationSettings.parse(Map.of("end", List.of("2022-12"), "months", List.of("12"))).start())
                .isEqualTo(YearMonth.of(2022, 1));
    }
}
