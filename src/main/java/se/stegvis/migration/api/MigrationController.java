package se.stegvis.migration.api;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.stegvis.migration.InstanceMigrationService;
import se.stegvis.migration.InstanceMigrationService.Mapping;
import se.stegvis.migration.InstanceMigrationService.Plan;
import se.stegvis.migration.InstanceMigrationService.ProcessVersions;

/**
 * Instance migration for process owners ({@code processagare} only; others 403), used by Cockpit's page
 * "Migrera instanser" with the user's Cockpit session (reads, and writes with Camunda's CSRF token) or over HTTP Basic.
 * <ul>
 *   <li>{@code GET /api/migreringar}: each process, its latest version and the older versions with running instances;</li>
 *   <li>{@code POST /api/migreringar} {@code {"processDefinitionKey","fromVersion","toVersion"?,"mappings"?:[{"from","to"}],
 *   "processInstanceIds"?, "execute"?}} (all running instances of the old version unless named): the plan, what it does not map, whether it is valid; with {@code "execute": true} the migration
 *   batch is started (202 with {@code batchId}). Refusals: 400 naming the field (unknown process activity, a version
 *   that is not newer, a plan Camunda refuses with its reasons), 404 unknown process or version, 409 when running
 *   instances sit in activities the plan does not map (named) or there is nothing to migrate.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/migreringar")
@PreAuthorize("hasAuthority('processagare')")
public class MigrationController {

    /** The request; {@code toVersion} defaults to the latest version, {@code execute} to false (plan only). */
    public record MigrationRequest(String processDefinitionKey, Integer fromVersion, Integer toVersion,
                                   List<Mapping> mappings, List<String> processInstanceIds, Boolean execute) {}

    private final InstanceMigrationService migrations;

    public MigrationController(InstanceMigrationService migrations) {
        this.migrations = migrations;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ProcessVersions> overview() {
        return migrations.overview();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Plan> plan(@RequestBody MigrationRequest request) {
        boolean execute = Boolean.TRUE.equals(request.execute());
        Plan plan = migrations.plan(request.processDefinitionKey(), request.fromVersion(), request.toVersion(),
                request.mappings(), request.processInstanceIds(), execute);
        return ResponseEntity.status(execute ? HttpStatus.ACCEPTED : HttpStatus.OK).body(plan);
    }
}
