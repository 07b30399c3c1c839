package se.stegvis.client.process;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * How the engine finds the client of a process instance: each feature whose processes concern one client says which
 * process definitions those are and how their business key leads to the client. A process that concerns no client
 * (e.g. the yearly riksnorm reminder) has none. Implemented by Spring beans in the features' {@code process} packages;
 * {@link ClientTaskRouting} asks them when a task is created and when a client's protection changes.
 */
public interface ClientProcesses {

    /** The process definition keys this feature answers for. */
    Set<String> processKeys();

    /** The client of an instance of {@code processKey} with that business key; empty when unknown. */
    Optional<UUID> clientOf(String processKey, String businessKey);

    /** The business keys of the client's instances of these processes (open or not). */
    List<String> businessKeysOf(UUID clientId);
}
