package io.evento.payara.server;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.nio.file.Path;
import java.util.List;

/**
 * The loopback recipe for a full Payara Server domain, applied to its {@code domain.xml} before the
 * first start: every listener of {@code server-config} (HTTP, admin, IIOP, JMX) bound to the bind
 * address, the embedded message broker off, Payara's phone home off, Hazelcast on TCP/IP discovery
 * of the bind address only, and the two Hazelcast JVM flags of the Payara Micro recipe. Payara
 * Server's defaults bind every interface and call home, like Payara Micro's.
 *
 * @param bindAddress   the address every listener and Hazelcast use
 * @param hazelcastPort the port of the domain's Hazelcast member (its DAS port)
 * @param jvmOptions    the recipe's JVM flags
 */
public record DomainRecipe(String bindAddress, int hazelcastPort, List<String> jvmOptions) {

    /** Rewrites {@code domain.xml} in place. */
    public void applyTo(Path domainXml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document domain = factory.newDocumentBuilder().parse(domainXml.toFile());
            apply(domain);
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            transformer.transform(new DOMSource(domain), new StreamResult(domainXml.toFile()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot apply the loopback recipe to " + domainXml + ": " + e.getMessage(), e);
        }
    }

    void apply(Document domain) {
        Element root = domain.getDocumentElement();
        Element hazelcast = child(root, "hazelcast-runtime-configuration", true);
        hazelcast.setAttribute("discovery-mode", "tcpip");
        hazelcast.setAttribute("tcpip-members", bindAddress + ":" + hazelcastPort);
        hazelcast.setAttribute("interface", bindAddress);
        hazelcast.setAttribute("das-bind-address", bindAddress);
        hazelcast.setAttribute("das-public-address", bindAddress);
        hazelcast.setAttribute("das-port", Integer.toString(hazelcastPort));
        hazelcast.setAttribute("start-port", Integer.toString(hazelcastPort));
        hazelcast.setAttribute("auto-increment-port", "false");

        Element config = serverConfig(root);
        for (String listener : List.of("network-listener", "iiop-listener", "jmx-connector")) {
            NodeList found = config.getElementsByTagName(listener);
            for (int i = 0; i < found.getLength(); i++) {
                ((Element) found.item(i)).setAttribute("address", bindAddress);
            }
        }
        Element jms = child(config, "jms-service", true);
        jms.setAttribute("type", "DISABLED");
        jms.setAttribute("default-jms-host", "default_JMS_host");
        Element jmsHost = child(jms, "jms-host", true);
        jmsHost.setAttribute("name", "default_JMS_host");
        jmsHost.setAttribute("host", bindAddress);
        child(config, "phone-home-runtime-configuration", true).setAttribute("enabled", "false");

        Element java = child(config, "java-config", false);
        if (java == null) {
            throw new IllegalStateException("server-config has no java-config");
        }
        for (String option : jvmOptions) {
            if (!hasOption(java, option)) {
                Element element = domain.createElement("jvm-options");
                element.setTextContent(option);
                java.appendChild(element);
            }
        }
    }

    private static Element serverConfig(Element root) {
        NodeList configs = root.getElementsByTagName("config");
        for (int i = 0; i < configs.getLength(); i++) {
            Element config = (Element) configs.item(i);
            if ("server-config".equals(config.getAttribute("name"))) {
                return config;
            }
        }
        throw new IllegalStateException("domain.xml has no server-config");
    }

    private static Element child(Element parent, String name, boolean create) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        if (!create) {
            return null;
        }
        Element created = parent.getOwnerDocument().createElement(name);
        parent.appendChild(created);
        return created;
    }

    private static boolean hasOption(Element java, String option) {
        NodeList options = java.getElementsByTagName("jvm-options");
        for (int i = 0; i < options.getLength(); i++) {
            if (option.equals(options.item(i).getTextContent().trim())) {
                return true;
            }
        }
        return false;
    }
}
