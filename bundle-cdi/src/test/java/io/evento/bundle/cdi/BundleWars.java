package io.evento.bundle.cdi;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.util.List;

/**
 * Bundle WARs as an application would package them: its classes, the bundle library and this
 * extension with their dependencies in {@code WEB-INF/lib}, its settings in
 * {@code META-INF/microprofile-config.properties}, an empty {@code beans.xml} (discovery "annotated").
 */
final class BundleWars {

    /** The libraries a bundle WAR carries, by the start of their file names (jars or module class directories). */
    private static final List<String> LIBRARIES = List.of("evento-bundle-0", "evento-protocol", "jackson-databind", "jackson-core",
            "jackson-annotations", "jackson-datatype-jsr310", "flyway-core", "flyway-database-postgresql");

    private BundleWars() {
    }

    static WebArchive war(String name, String bundleId, String... packages) {
        return war(name, bundleId, List.of(), packages);
    }

    /** A bundle WAR with more settings ({@code key=value} lines). */
    static WebArchive war(String name, String bundleId, List<String> settings, String... packages) {
        List<String> lines = new java.util.ArrayList<>(List.of("evento.bundle.id=" + bundleId, "evento.servers=" + EventoServer.url(),
                "evento.token=" + EventoServer.TOKEN, "evento.bundle.connect-timeout-seconds=30"));
        lines.addAll(settings);
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war").addPackages(true, packages)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset(String.join("\n", lines)), "META-INF/microprofile-config.properties")
                .addAsLibrary(extension());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File file = new File(entry);
            if (LIBRARIES.stream().anyMatch(prefix -> file.getName().startsWith(prefix) && file.getName().endsWith(".jar"))) {
                war.addAsLibrary(file);
            } else if (file.isDirectory() && file.getPath().replace('\\', '/').endsWith("bundle/target/classes")) {
                war.addAsLibrary(ShrinkWrap.create(ExplodedImporter.class, "evento-bundle.jar").importDirectory(file).as(JavaArchive.class));
            }
        }
        return war;
    }

    /** This module's classes (the extension) as the jar an application would carry. */
    private static JavaArchive extension() {
        return ShrinkWrap.create(ExplodedImporter.class, "evento-bundle-cdi.jar").importDirectory(new File("target/classes")).as(JavaArchive.class);
    }
}
