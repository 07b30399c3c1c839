package se.stegvis.security;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.UserOperationLogQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import se.stegvis.config.EngineCommandInterceptors;

/**
 * The operation log's administration entries — an administrator's changes to users, groups, memberships, tenants and
 * authorizations (Camunda's category {@value UserOperationLogEntry#CATEGORY_ADMIN}) — only for who holds {@code READ}
 * on that category ({@code OPERATION_LOG_CATEGORY}; administrators).
 *
 * <p>Why: such an entry has no process definition, and the engine lets a grant of {@code READ_HISTORY} on every
 * process definition ({@code *}, process owners') read every entry whose process definition key is empty. Camunda 7 CE
 * has no setting against it, and process owners hold that grant (their processes' history). So every operation-log
 * query of a user without the category grant is narrowed to the other categories
 * ({@value UserOperationLogEntry#CATEGORY_OPERATOR}, {@value UserOperationLogEntry#CATEGORY_TASK_WORKER}) before it
 * runs — its list, count and pages alike, in the REST API, Cockpit and any other caller with a user. A query that asks
 * for the category itself answers nothing. The application's own code (no authenticated user) is not narrowed.
 * Enforced in the engine (a command interceptor), as {@link ErrorDetailsForAdministrators} is.
 */
@Component
public class AdministrationLogForAdministrators extends AbstractProcessEnginePlugin {

    static final String ADMIN = UserOperationLogEntry.CATEGORY_ADMIN;
    static final List<String> OTHER_CATEGORIES = List.of(UserOperationLogEntry.CATEGORY_OPERATOR,
            UserOperationLogEntry.CATEGORY_TASK_WORKER);

    /** The categories a query asks for ({@code categoryIn}); the engine has no getter for them. */
    private static final Field CATEGORIES = categoriesField();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineCommandInterceptors.addBeforeEveryCommand(configuration, new Guard(configuration));
    }

    /** Narrows the query to the categories other than administration. */
    static void narrow(UserOperationLogQueryImpl query) {
        String[] asked = categoriesOf(query);
        List<String> allowed = asked == null ? OTHER_CATEGORIES
                : Arrays.stream(asked).filter(c -> c != null && !ADMIN.equals(c)).distinct().toList();
        if (allowed.isEmpty()) {
            // Only administration asked for: the category is both it and one of the others, so nothing matches.
            query.category(ADMIN);
            allowed = OTHER_CATEGORIES;
        }
        // A single category asked for (category(...)) is kept and must be one of these too.
        query.categoryIn(allowed.toArray(String[]::new));
    }

    static String[] categoriesOf(UserOperationLogQueryImpl query) {
        try {
            return (String[]) CATEGORIES.get(query);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("The operation log query's categories cannot be read", e);
        }
    }

    private static Field categoriesField() {
        try {
            Field field = UserOperationLogQueryImpl.class.getDeclaredField("categories");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            // A Camunda upgrade changed the query: fail at start rather than show the administration log.
            throw new IllegalStateException("UserOperationLogQueryImpl has no field 'categories'", e);
        }
    }

    static final class Guard extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Guard(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof UserOperationLogQueryImpl query && configuration.isAuthorizationEnabled()) {
                Authentication user = configuration.getIdentityService().getCurrentAuthentication();
                if (user != null && !mayReadAdministration(user)) {
                    narrow(query);
                }
            }
            return next.execute(command);
        }

        private boolean mayReadAdministration(Authentication user) {
            List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
            return configuration.getAuthorizationService().isUserAuthorized(user.getUserId(), groups,
                    UserOperationLogCategoryPermissions.READ, Resources.OPERATION_LOG_CATEGORY, ADMIN);
        }
    }
}
