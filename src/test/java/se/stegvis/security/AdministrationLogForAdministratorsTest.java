package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.UserOperationLogQueryImpl;
import org.junit.jupiter.api.Test;

/** How a query is narrowed; that it takes effect for process owners and not for administrators is HistoryAccessTest's. */
class AdministrationLogForAdministratorsTest {

    private static String[] narrowed(UserOperationLogQueryImpl query) {
        AdministrationLogForAdministrators.narrow(query);
        return AdministrationLogForAdministrators.categoriesOf(query);
    }

    @Test
    void aQueryWithoutCategoriesGetsTheOthers() {
        assertThat(narrowed(new UserOperationLogQueryImpl())).containsExactly("Operator", "TaskWorker");
    }

    @Test
    void theCategoriesAskedForLoseAdministration() {
        var query = new UserOperationLogQueryImpl();
        query.categoryIn("Admin", "TaskWorker");
        assertThat(narrowed(query)).containsExactly("TaskWorker");
    }

    @Test
    void onlyAdministrationAskedForMatchesNothing() {
        var query = new UserOperationLogQueryImpl();
        query.categoryIn("Admin");
        // The category must be Admin and one of the others at once.
        assertThat(narrowed(query)).containsExactly("Operator", "TaskWorker");
        assertThat(query).extracting("category").isEqualTo("Admin");
    }

    @Test
    void aSingleCategoryAskedForIsKept() {
        var query = new UserOperationLogQueryImpl();
        query.category("Admin");
        assertThat(narrowed(query)).containsExactly("Operator", "TaskWorker");
        assertThat(query).extracting("category").isEqualTo("Admin");
    }
}
