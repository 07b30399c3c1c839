package se.stegvis.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unit groups and unit-role groups are made from the unit's name, the same every time they are asked for. */
class StegvisGroupsTest {

    @Test
    void aUnitsGroupIsItsNameInLowerCaseWithoutDiacriticsEveryTime() {
        for (int i = 0; i < 2; i++) {
            assertThat(StegvisGroups.unitGroup("Skärblacka")).isEqualTo("enhet-skarblacka");
            assertThat(StegvisGroups.unitGroup(" Distrikt 005 ")).isEqualTo("enhet-distrikt-005");
            assertThat(StegvisGroups.unitGroup("Norra/Östra (City)")).isEqualTo("enhet-norra-ostra-city");
            assertThat(StegvisGroups.unitRoleGroup(StegvisGroups.HANDLAGGARE, "Navestad"))
                    .isEqualTo("handlaggare-navestad");
        }
    }
}
