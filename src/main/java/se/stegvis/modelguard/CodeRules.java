package se.stegvis.modelguard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The rules about code in models, which the build ({@link ModelGuard}) and the engine ({@link DeploymentGuard}) apply
 * alike to every file: no scripts anywhere (script tasks, {@code camunda:script} in listeners and input/output,
 * conditions with a script language, external script resources), no {@code camunda:class}, no connectors, every
 * {@code delegateExpression} exactly {@code ${name}} of a registered delegate or listener, every other expression
 * within {@link ExpressionPolicy}, DMN only in FEEL, and nothing but BPMN, DMN and Camunda Forms deployed at all.
 *
 * <p>The file is read as plain XML (SAX, no DTDs, no external entities), every element and attribute, so that an
 * expression in an unexpected place (a message name, an input parameter, a field injection) is judged too. Each
 * violation names the file, the nearest element with an id and its line.
 */
public final class CodeRules {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMN_DI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** Namespaces whose elements a browser would run or render when a deployed file is opened. */
    private static final Set<String> ACTIVE_CONTENT = Set.of("http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg");
    /** The FEEL names a DMN file may give as its expression language (absent means FEEL). */
    private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
            "https://www.omg.org/spec/dmn/20191111/feel/", "https://www.omg.org/spec/dmn/20180521/feel/",
            "https://www.omg.org/spec/dmn/20230324/feel/");
    private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

    private CodeRules() {}

    /** Every violation of the code rules in one file; empty when the file may be deployed. */
    public static List<ModelViolation> check(ModelResource resource, ModelBeans beans) {
        return switch (resource.kind()) {
            case BPMN, DMN -> xml(resource, beans);
            case FORM -> form(resource);
            case OTHER -> List.of(ModelViolation.ofFile(resource.name(), "bara BPMN- (.bpmn), DMN- (.dmn) och "
                    + "formulärfiler (.form) får driftsättas; den här filen driftsätts inte"));
        };
    }

    private static List<ModelViolation> form(ModelResource resource) {
        try {
            JsonNode form = new ObjectMapper().readTree(resource.content());
            if (form == null || !form.isObject() || form.path("id").asText().isBlank()) {
                return List.of(ModelViolation.ofFile(resource.name(), "formuläret saknar \"id\""));
            }
            return List.of();
        } catch (IOException e) {
            return List.of(ModelViolation.ofFile(resource.name(), "formuläret är inte giltig JSON"));
        }
    }

    private static List<ModelViolation> xml(ModelResource resource, ModelBeans beans) {
        Handler handler = new Handler(resource, beans);
        try {
            parser().parse(new ByteArrayInputStream(resource.content()), handler);
        } catch (SAXParseException e) {
            handler.violations.add(new ModelViolation(resource.name(), null, e.getLineNumber(), e.getColumnNumber(),
                    "filen är inte giltig XML (rad " + e.getLineNumber() + "): " + e.getMessage()));
        } catch (SAXException | IOException e) {
            handler.violations.add(ModelViolation.ofFile(resource.name(), "filen kunde inte läsas: " + e.getMessage()));
        }
        return List.copyOf(handler.violations);
    }

    private static SAXParser parser() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An open element: where it is, the nearest id, and its text so far. */
    private record Open(String namespace, String name, String where, String id, int line, int column,
                        boolean skipped, StringBuilder text) {}

    private static final class Handler extends DefaultHandler {

        private final ModelResource resource;
        private final ModelBeans beans;
        private final boolean dmn;
        private final List<ModelViolation> violations = new ArrayList<>();
        private final Deque<Open> open = new ArrayDeque<>();
        private Locator locator;

        Handler(ModelResource resource, ModelBeans beans) {
            this.resource = resource;
            this.beans = beans;
            this.dmn = resource.kind() == ModelResource.Kind.DMN;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String namespace, String localName, String qName, Attributes attributes) {
            Open parent = open.peek();
            String id = attributes.getValue("", "id");
            String where = id != null ? localName + " '" + id + "'"
                    : parent == null ? localName
                    // extensionElements is only a wrapper: "camunda:taskListener i userTask 'X'"
                    : localName.equals("extensionElements") ? parent.where()
                    : prefixed(namespace, localName) + " i " + parent.where();
            boolean skipped = (parent != null && parent.skipped()) || skippedElement(namespace, localName);
            Open element = new Open(namespace, localName, where, id != null ? id : parent == null ? null : parent.id(),
                    locator.getLineNumber(), locator.getColumnNumber(), skipped, new StringBuilder());
            open.push(element);
            if (ACTIVE_CONTENT.contains(namespace)) {
                refuse(element, "innehåller " + qName + ", som inte hör hemma i en modell");
            }
            if (skipped) {
                return;
            }
            if (dmn) {
                dmnElement(element, attributes);
            } else {
                bpmnElement(element, attributes);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            Open element = open.peek();
            if (element != null && !element.skipped()) {
                element.text().append(ch, start, length);
            }
        }

        @Override
        public void endElement(String namespace, String localName, String qName) {
            Open element = open.pop();
            String text = element.text().toString();
            if (!dmn && !element.skipped() && ExpressionPolicy.isExpression(text)) {
                expression(element, text);
            }
        }

        private static boolean skippedElement(String namespace, String localName) {
            // Diagram layout and free text are never evaluated.
            return BPMN_DI.equals(namespace) || namespace.startsWith("http://www.omg.org/spec/DD/")
                    || (BPMN.equals(namespace) && (localName.equals("documentation") || localName.equals("text")))
                    || localName.equals("DMNDI");
        }

        private void bpmnElement(Open element, Attributes attributes) {
            String ns = element.namespace();
            String name = element.name();
            if (BPMN.equals(ns) && name.equals("scriptTask")) {
                refuse(element, "skriptuppgifter är inte tillåtna; lägg logiken i en Java-delegat");
            }
            if (CAMUNDA.equals(ns) && name.equals("script")) {
                refuse(element, "skript är inte tillåtna (camunda:script); lägg logiken i en Java-delegat");
            }
            if (CAMUNDA.equals(ns) && name.equals("connector")) {
                refuse(element, "connectorer är inte tillåtna (camunda:connector); anropa andra system från en "
                        + "Java-delegat");
            }
            for (int i = 0; i < attributes.getLength(); i++) {
                String attributeNs = attributes.getURI(i);
                String attribute = attributes.getLocalName(i);
                String value = attributes.getValue(i);
                // Camunda's attributes: camunda:x on BPMN elements, plain x on camunda: elements.
                boolean camunda = CAMUNDA.equals(attributeNs) || (attributeNs.isEmpty() && CAMUNDA.equals(ns));
                if (BPMN.equals(ns) && attributeNs.isEmpty()
                        && (attribute.equals("language") || attribute.equals("scriptFormat"))) {
                    refuse(element, "skript är inte tillåtna (" + attribute + "=\"" + value + "\"); villkor skrivs "
                            + "som ${...} på processvariabler");
                } else if (camunda && (attribute.equals("class") || attribute.equals("variableMappingClass"))) {
                    refuse(element, "camunda:" + attribute + " \"" + value + "\" är inte tillåtet; använd "
                            + "delegateExpression till en registrerad delegat eller lyssnare");
                } else if (camunda && attribute.equals("resource")) {
                    refuse(element, "externa skript (camunda:resource \"" + value + "\") är inte tillåtna");
                } else if (camunda && (attribute.equals("delegateExpression")
                        || attribute.equals("variableMappingDelegateExpression"))) {
                    delegate(element, attribute, value);
                } else if (ExpressionPolicy.isExpression(value)) {
                    expression(element, value);
                }
            }
        }

        private void dmnElement(Open element, Attributes attributes) {
            String language = attributes.getValue("", "expressionLanguage");
            if (language != null && !FEEL.contains(language.strip().toLowerCase(Locale.ROOT))) {
                refuse(element, "uttrycksspråket \"" + language + "\" är inte tillåtet; DMN-tabeller skrivs i FEEL");
            }
        }

        private void delegate(Open element, String attribute, String value) {
            Matcher bean = BEAN_REFERENCE.matcher(value.strip());
            if (!bean.matches()) {
                refuse(element, attribute + " \"" + value + "\" ska vara ${namn} på en registrerad delegat eller "
                        + "lyssnare");
            } else if (!beans.isRegistered(bean.group(1))) {
                refuse(element, attribute + " \"" + value + "\" namnger ingen registrerad delegat eller lyssnare ('"
                        + bean.group(1) + "' finns inte bland dem)");
            }
        }

        private void expression(Open element, String value) {
            ExpressionPolicy.problems(value, beans).forEach(problem -> refuse(element, problem));
        }

        private void refuse(Open element, String why) {
            violations.add(new ModelViolation(resource.name(), element.id(), element.line(), element.column(),
                    element.where() + " (rad " + element.line() + "): " + why));
        }

        private static String prefixed(String namespace, String localName) {
            return CAMUNDA.equals(namespace) ? "camunda:" + localName : localName;
        }
    }
}
