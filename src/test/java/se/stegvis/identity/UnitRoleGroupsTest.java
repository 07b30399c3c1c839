package se.stegvis.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitRoleGroupsTest {

    final UnitRoleGroups groups = new UnitRoleGroups(List.of("Centrum", "Hageby", "Skärblacka"));

    private List<String> ids(String... memberOf) {
        return groups.derivedFrom(List.of(memberOf)).stream().map(UnitRoleGroups.Derived::id).toList();
    }

    @Test
    void aRoleInAUnitWorksThere() {
        assertThat(ids("handlaggare", "enhet-hageby")).containsExactly("handlaggare-hageby");
        assertThat(ids("coach", "handlaggare", "enhet-hageby", "enhet-skarblacka"))
                .containsExactly("handlaggare-hageby", "handlaggare-skarblacka", "coach-hageby", "coach-skarblacka");
    }

    @Test
    void aRoleWithoutAUnitCoversEveryUnit() {
        assertThat(ids("skyddad")).containsExactly("skyddad-centrum", "skyddad-hageby", "skyddad-skarblacka");
        assertThat(groups.derivedFrom(List.of("teamledare")).get(0).name()).isEqualTo(
                "Teamledare – Centrum (härledd av roll och enhet)");
    }

    @Test
    void nobodyElseAndNothingTwice() {
        assertThat(ids("chef", "processagare", "enhet-hageby")).isEmpty();
        assertThat(ids("handlaggare", "enhet-hageby", "handlaggare-hageby")).isEmpty();
        assertThat(new UnitRoleGroups(List.of()).derivedFrom(List.of("handlaggare"))).isEmpty();
    }
}
