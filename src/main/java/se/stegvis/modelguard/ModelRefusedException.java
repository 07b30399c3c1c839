package se.stegvis.modelguard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by the {@link DeploymentGuard}. A kind of Camunda's {@link ParseException}, so that the REST
 * API answers 400 with a report per file (element id, line, column) and Camunda Modeler shows each problem, and the
 * message lists them all for anyone who reads only the message.
 */
public class ModelRefusedException extends ParseException {

    private final transient List<ResourceReport> reports;

    public ModelRefusedException(List<ModelViolation> violations) {
        super(message(violations), violations.get(0).file(), List.of(), List.of());
        Map<String, List<Problem>> byFile = new LinkedHashMap<>();
        for (ModelViolation v : violations) {
            byFile.computeIfAbsent(v.file(), f -> new java.util.ArrayList<>()).add(new GuardProblem(v));
        }
        this.reports = byFile.entrySet().stream()
                .map(e -> (ResourceReport) new Report(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    @Override
    public List<ResourceReport> getResorceReports() {
        return reports;
    }

    private static String message(List<ModelViolation> violations) {
        return "Modellerna driftsätts inte: " + violations.stream().map(ModelViolation::toString)
                .collect(Collectors.joining("; "));
    }

    private record Report(String resourceName, List<Problem> errors) implements ResourceReport {
        @Override
        public String getResourceName() {
            return resourceName;
        }

        @Override
        public List<Problem> getErrors() {
            return errors;
        }

        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
    }

    private record GuardProblem(ModelViolation violation) implements Problem {
        @Override
        public String getMessage() {
            return violation.message();
        }

        @Override
        public int getLine() {
            return violation.line();
        }

        @Override
        public int getColumn() {
            return violation.column();
        }

        @Override
        public String getMainElementId() {
            return violation.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return violation.elementId() == null ? List.of() : List.of(violation.elementId());
        }
    }
}
