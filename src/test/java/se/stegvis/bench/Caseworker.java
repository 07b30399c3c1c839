package se.stegvis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A caseworker (or team leader) working through Tasklist's engine REST calls: lists the group's tasks with the
 * measured query {@code GET /engine-rest/task?candidateGroup=…&maxResults=50}, claims and completes its share of
 * them (split by task id so that colleagues do not collide), then picks up any task left assigned to it. An idle
 * caseworker looks again after a second (as the load driver did).
 */
final class Caseworker extends Thread {

    static final String TASK_LIST = "GET /engine-rest/task?candidateGroup=%s&maxResults=50";

    private final Api api;
    private final Api.User user;
    private final String group;
    private final String taskKey;
    private final Map<String, Object> variables;
    private final int index;
    private final int count;
    private final Latencies latencies;
    private final AtomicBoolean stop;
    private final ConcurrentMap<String, AtomicLong> errors;
    final AtomicLong completed = new AtomicLong();

    Caseworker(Api api, Api.User user, String group, String taskKey, Map<String, Object> variables, int index, int count,
               Latencies latencies, AtomicBoolean stop, ConcurrentMap<String, AtomicLong> errors) {
        super("caseworker-" + user.name());
        setDaemon(true);
        this.api = api;
        this.user = user;
        this.group = group;
        this.taskKey = taskKey;
        this.variables = variables;
        this.index = index;
        this.count = count;
        this.latencies = latencies;
        this.stop = stop;
        this.errors = errors;
    }

    @Override
    public void run() {
        while (!stop.get()) {
            boolean busy;
            try {
                busy = round();
            } catch (IOException e) {
                error("unavailable: " + e.getClass().getSimpleName());
                busy = false;
            }
            if (!busy) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private boolean round() throws IOException {
        List<JsonNode> tasks = new ArrayList<>();
        for (JsonNode t : list("candidateGroup=" + group + "&maxResults=50", true)) {
            if (Math.floorMod(t.get("id").asText().hashCode(), count) == index) {
                tasks.add(t);
            }
        }
        if (tasks.isEmpty()) {
            tasks = list("assignee=" + user.name() + "&maxResults=50", false);
        }
        for (JsonNode t : tasks) {
            if (stop.get()) {
                break;
            }
            String id = t.get("id").asText();
            if (!user.name().equals(t.path("assignee").asText(null))) {
                Api.Response claim = api.post("/engine-rest/task/" + id + "/claim", user, Map.of("userId", user.name()));
                if (claim.status() != 204) {
                    error("claim HTTP " + claim.status());
                    continue;
                }
            }
            long t0 = System.nanoTime();
            Api.Response done = api.post("/engine-rest/task/" + id + "/complete", user, Map.of("variables", variables));
            if (done.ok()) {
                latencies.add("complete (" + group + ")", System.nanoTime() - t0);
                completed.incrementAndGet();
            } else {
                error("complete HTTP " + done.status() + ": " + message(done));
            }
        }
        return !tasks.isEmpty();
    }

    private List<JsonNode> list(String query, boolean measured) throws IOException {
        long t0 = System.nanoTime();
        Api.Response r = api.get("/engine-rest/task?" + query, user);
        if (r.status() != 200) {
            error("task list HTTP " + r.status());
            return List.of();
        }
        if (measured) {
            latencies.add(TASK_LIST.formatted(group), System.nanoTime() - t0);
        }
        List<JsonNode> tasks = new ArrayList<>();
        for (JsonNode t : r.json()) {
            if (taskKey.equals(t.path("taskDefinitionKey").asText())) {
                tasks.add(t);
            }
        }
        return tasks;
    }

    private static String message(Api.Response r) {
        try {
            return Api.abbreviate(r.json().path("message").asText());
        } catch (IllegalStateException notJson) {
            return Api.abbreviate(r.body());
        }
    }

    private void error(String what) {
        errors.computeIfAbsent(group + ": " + what, k -> new AtomicLong()).incrementAndGet();
    }

    /** A typed engine REST variable. */
    static Map<String, Object> variable(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    static Map<String, Object> variables(Object... nameValueType) {
        Map<String, Object> v = new ConcurrentHashMap<>();
        for (int i = 0; i < nameValueType.length; i += 3) {
            v.put((String) nameValueType[i], variable(nameValueType[i + 1], (String) nameValueType[i + 2]));
        }
        return v;
    }
}
