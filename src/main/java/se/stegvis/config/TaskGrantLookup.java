package se.stegvis.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.builder.xml.XMLMapperEntityResolver;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The engine's task query with the caller's grants looked up per task instead of joined to every task.
 *
 * <p>Camunda's task query (Task.xml, {@code selectTaskByQueryCriteria} and its count) checks the caller's READ by
 * joining all of the caller's grants to all of the tasks: {@code LEFT JOIN (the caller's grants) AUTH ON
 * AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}. No database can hash that {@code OR}, so PostgreSQL compares every
 * task with every grant. Stegvis grants every open task to the role within its unit (how a protected client's task is
 * kept from everyone else), so a unit caseworker's list compares the unit's ~310 tasks with their ~312 grants: ~20 ms for
 * the list and again for its count, which Tasklist's list as HAL always asks, and it grows with the square of a unit's
 * tasks (BENCHMARKS.md, "Queries at national scale"). Here the same rule is three look-ups per task — a grant of the
 * caller on {@code '*'} (asked once), on the task's id, on its process definition's key — as {@code EXISTS}, which
 * CIB seven and Operaton now use too: PostgreSQL reads the caller's grants once (by their user and group indexes) and
 * probes them hashed for each task, or looks a task's grants up by {@code ACT_RU_AUTHORIZATION.RESOURCE_ID_}.
 *
 * <p>The rule is the engine's, unchanged: the same grants (TYPE_ below 2, the user, every user or one of the caller's
 * groups, one of the query's atomic checks by resource type and permission), matched on the same three values; with
 * REVOKE authorizations in force the engine's own check (which needs no join); a case task as the engine's query treats
 * it. The statements are not a copy kept in Stegvis: at start the engine's own Task.xml is read from its jar, the three
 * nodes copied under new ids, the join removed and the engine's check replaced by {@code taskGrantCheck}
 * ({@code engine/task-grant-lookup.xml}). Each step must find exactly what it expects, or the engine does not start: a
 * Camunda upgrade that changes the task query stops here rather than running a statement nobody read.
 * {@code TaskGrantLookupTest} compares the answers with the engine's statement's for every kind of grant.
 */
public final class TaskGrantLookup {

    /** The engine's task list, with the grants looked up. */
    public static final String LIST = "se.stegvis.engine.TaskGrantLookup.selectTaskByQueryCriteria_grantLookup";
    /** The engine's task count, with the grants looked up. */
    public static final String COUNT = "se.stegvis.engine.TaskGrantLookup.selectTaskCountByQueryCriteria_grantLookup";

    static final String ENGINE_TASK_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
    static final String TEMPLATE = "engine/task-grant-lookup.xml";
    private static final String ENGINE_NAMESPACE = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
    private static final String NAMESPACE = "se.stegvis.engine.TaskGrantLookup";
    private static final String AUTHORIZATION = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.";
    private static final String JOIN_INCLUDE = AUTHORIZATION + "authCheckJoinWithoutOnClause";
    private static final String CHECK_INCLUDE = AUTHORIZATION + "contextualAuthorizationCheck";
    /** The join that is removed, as Task.xml writes it (whitespace aside). */
    static final String ENGINE_JOIN = "AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ "
            + "${authJoinSeparator} '*' ${authJoinEnd})";
    private static final String SUFFIX = "_grantLookup";

    private TaskGrantLookup() {}

    /**
     * Adds the two statements to the engine's MyBatis configuration; once per configuration (a shared session factory
     * already has them). For a plugin's {@code postInit}, when the engine's session factory exists.
     */
    public static void register(ProcessEngineConfigurationImpl engine) {
        Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
        synchronized (mybatis) {
            if (mybatis.hasStatement(LIST, false)) {
                return;
            }
            byte[] mapper = mapper(new String(resource(ENGINE_TASK_MAPPING), StandardCharsets.UTF_8));
            new XMLMapperBuilder(new ByteArrayInputStream(mapper), mybatis, "stegvis:" + TEMPLATE,
                    mybatis.getSqlFragments()).parse();
        }
    }

    /**
     * Whether a configured query ({@code TaskManager.configureQuery} has run) can use {@link #LIST} and {@link #COUNT}:
     * the engine's task query checks at most atomic permissions (it does: READ on the task or READ_TASK on its process
     * definition); a composite check would need the engine's further joins.
     */
    public static boolean applies(TaskQueryImpl query) {
        AuthorizationCheck check = query.getAuthCheck();
        CompositePermissionCheck permissions = check == null ? null : check.getPermissionChecks();
        return permissions == null || permissions.getCompositeChecks() == null
                || permissions.getCompositeChecks().isEmpty();
    }

    /** The mapper: the template with the nodes of the engine's Task.xml ({@code engineTaskXml}), changed, appended. */
    static byte[] mapper(String engineTaskXml) {
        try {
            DocumentBuilder builder = documentBuilder();
            Document engine = builder.parse(new ByteArrayInputStream(engineTaskXml.getBytes(StandardCharsets.UTF_8)));
            Document mapper = builder.parse(new ByteArrayInputStream(resource(TEMPLATE)));
            Element list = only(engine, "select", "selectTaskByQueryCriteria");
            Element count = only(engine, "select", "selectTaskCountByQueryCriteria");
            Element criteria = only(engine, "sql", "selectTaskByQueryCriteriaSql");
            Element columns = only(engine, "sql", "columnSelection");
            for (Element node : List.of(columns, criteria, list, count)) {
                Element copy = (Element) mapper.importNode(node, true);
                copy.setAttribute("id", node.getAttribute("id") + SUFFIX);
                qualify(copy);
                if (node == criteria) {
                    lookUpGrants(copy);
                }
                mapper.getDocumentElement().appendChild(copy);
            }
            return write(mapper, engine);
        } catch (ParserConfigurationException | SAXException | IOException | TransformerException e) {
            throw new IllegalStateException("The task query with grant look-ups could not be built from " + ENGINE_TASK_MAPPING, e);
        }
    }

    /**
     * The change: the join of the grants (the {@code if} that holds the engine's {@code authCheckJoinWithoutOnClause}
     * and its {@code ON}) removed, and the engine's check of the joined grant replaced by {@code taskGrantCheck}.
     */
    private static void lookUpGrants(Element criteria) {
        List<Element> joins = new ArrayList<>();
        List<Element> checks = new ArrayList<>();
        for (Element include : elements(criteria, "include")) {
            String refid = include.getAttribute("refid");
            if (refid.equals(JOIN_INCLUDE)) {
                joins.add(include);
            } else if (refid.equals(CHECK_INCLUDE)) {
                checks.add(include);
            }
        }
        if (joins.size() != 1 || checks.size() != 1) {
            throw changed("one join of the grants and one check of them, found " + joins.size() + " and " + checks.size());
        }
        // The join sits in <if !revoke> inside <if authCheck…>, a direct child of the criteria: that outer if goes.
        Node inner = joins.get(0).getParentNode();
        Node outer = inner.getParentNode();
        if (outer.getParentNode() != criteria || !"if".equals(outer.getNodeName())
                || !normalized(outer.getTextContent()).equals(normalized(ENGINE_JOIN))) {
            throw changed("the join of the grants is no longer `" + ENGINE_JOIN + "` in an if of the criteria");
        }
        criteria.removeChild(outer);
        checks.get(0).setAttribute("refid", NAMESPACE + ".taskGrantCheck");
        // Nothing else may read the removed join's columns.
        if (criteria.getTextContent().contains("AUTH.") || criteria.getTextContent().contains("AUTH1")) {
            throw changed("the criteria read the joined grant elsewhere");
        }
    }

    /** Every reference to a node of Task.xml named as the engine's, the copied ones as the copies. */
    private static void qualify(Element copy) {
        List<Element> nodes = elements(copy, "include");
        for (Element include : nodes) {
            String refid = include.getAttribute("refid");
            if (refid.equals("selectTaskByQueryCriteriaSql") || refid.equals("columnSelection")) {
                include.setAttribute("refid", NAMESPACE + "." + refid + SUFFIX);
            } else if (!refid.contains(".")) {
                include.setAttribute("refid", ENGINE_NAMESPACE + "." + refid);
            }
        }
        if (copy.hasAttribute("resultMap") && !copy.getAttribute("resultMap").contains(".")) {
            copy.setAttribute("resultMap", ENGINE_NAMESPACE + "." + copy.getAttribute("resultMap"));
        }
    }

    private static Element only(Document document, String tag, String id) {
        List<Element> found = new ArrayList<>();
        for (Element element : elements(document.getDocumentElement(), tag)) {
            if (element.getAttribute("id").equals(id)) {
                found.add(element);
            }
        }
        if (found.size() != 1) {
            throw changed("expected one <" + tag + " id=\"" + id + "\">, found " + found.size());
        }
        return found.get(0);
    }

    private static List<Element> elements(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static String normalized(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }

    private static IllegalStateException changed(String what) {
        return new IllegalStateException("Camunda's task query (" + ENGINE_TASK_MAPPING + ") is not the one Stegvis' "
                + "grant look-up was made for (" + what + "): review TaskGrantLookup against the new Task.xml");
    }

    private static DocumentBuilder documentBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setValidating(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        // MyBatis' own copy of the mapper DTD: nothing is fetched from the network.
        builder.setEntityResolver(new XMLMapperEntityResolver());
        return builder;
    }

    /** A resource of the class path (the engine's jar, Stegvis' template). */
    static byte[] resource(String name) {
        try (InputStream in = TaskGrantLookup.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Resource " + name + " cannot be read", e);
        }
    }

    private static byte[] write(Document mapper, Document engine) throws TransformerException {
        Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, engine.getDoctype().getPublicId());
        transformer.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, engine.getDoctype().getSystemId());
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(mapper), new StreamResult(out));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
