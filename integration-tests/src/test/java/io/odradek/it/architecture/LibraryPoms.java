package io.odradek.it.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Rule 5 at the Maven level: reads library modules' pom.xml files for Kafka dependencies outside test scope. */
final class LibraryPoms {

    private LibraryPoms() {
    }

    /** The one library module allowed kafka-clients on its main class path (ARCHITECTURE.md, rule 5's exception). */
    static final String KAFKA_COMPAT = "kafka-clients-compat";

    /**
     * Library modules are the API, the domain, the adapters, the Kafka compatibility module and the test kit;
     * tools and integration-tests may use Kafka.
     */
    static boolean isLibraryModule(String module) {
        return module.equals("producer-api") || module.equals("producer-domain") || module.equals("codec")
                || module.equals("compression") || module.startsWith("transport-") || module.equals(KAFKA_COMPAT)
                || module.equals("odradek-test");
    }

    static List<String> modulesOf(Path parentPom) {
        List<String> modules = new ArrayList<>();
        NodeList nodes = parse(parentPom).getElementsByTagName("module");
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().trim());
        }
        return modules;
    }

    /**
     * Every org.apache.kafka dependency of the project (or of one of its profiles) whose scope is not test,
     * described as {@code groupId:artifactId (scope)}. Plugin dependencies and dependencyManagement entries
     * put nothing on the module's classpath and are not looked at.
     */
    static List<String> kafkaDependenciesOutsideTestScope(Path pom) {
        return dependenciesOutsideTestScope(pom, (groupId, artifactId) -> groupId.equals("org.apache.kafka")
                || groupId.startsWith("org.apache.kafka."));
    }

    /** Every dependency on kafka-clients-compat whose scope is not test, described as above. */
    static List<String> kafkaCompatDependenciesOutsideTestScope(Path pom) {
        return dependenciesOutsideTestScope(pom, (groupId, artifactId) -> groupId.equals("io.odradek")
                && artifactId.equals(KAFKA_COMPAT));
    }

    private static List<String> dependenciesOutsideTestScope(Path pom, BiPredicate<String, String> matches) {
        List<String> offending = new ArrayList<>();
        NodeList dependencies = parse(pom).getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (!isOnModuleClasspath(dependency)) {
                continue;
            }
            String groupId = childText(dependency, "groupId");
            String scope = childText(dependency, "scope");
            if (matches.test(groupId, childText(dependency, "artifactId")) && !scope.equals("test")) {
                offending.add(groupId + ":" + childText(dependency, "artifactId")
                        + " (" + (scope.isEmpty() ? "no scope, i.e. compile" : scope) + ")");
            }
        }
        return offending;
    }

    private static boolean isOnModuleClasspath(Element dependency) {
        Node list = dependency.getParentNode();
        Node owner = list == null ? null : list.getParentNode();
        return list != null && list.getNodeName().equals("dependencies") && owner != null
                && (owner.getNodeName().equals("project") || owner.getNodeName().equals("profile"));
    }

    private static String childText(Element element, String name) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeName().equals(name)) {
                return child.getTextContent().trim();
            }
        }
        return "";
    }

    private static Document parse(Path pom) {
        try (InputStream in = Files.newInputStream(pom)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }
}
