package io.evento.cli;

import io.evento.bundle.model.Component;
import io.evento.bundle.model.ComponentModel;
import io.evento.bundle.model.Handler;
import io.evento.bundle.model.PayloadTypes;
import io.evento.bundle.runtime.BundleRuntime;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.HandlerInfo;
import io.evento.protocol.publish.BundleDescription;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a bundle's artifact (a jar, or a war with {@code WEB-INF/classes} and {@code WEB-INF/lib})
 * without running it: its classes are loaded, never initialised, beside the CLI's own bundle
 * library and Jakarta EE and MicroProfile APIs; the same component model as the runtime checks
 * them; the bundle id and version come from its {@code META-INF/microprofile-config.properties}
 * ({@code evento.bundle.id}, {@code evento.bundle.version}) unless given.
 */
final class BundleReader {

    private static final long MAX_EXTRACTED_BYTES = 512L << 20;

    private BundleReader() {
    }

    static BundleDescription describe(Path artifact, String bundleId, Long bundleVersion) {
        if (artifact == null || !Files.isRegularFile(artifact)) {
            throw invalid("no such file: " + artifact);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("evento-describe");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            extract(artifact, dir);
            boolean war = Files.isDirectory(dir.resolve("WEB-INF"));
            Path classes = war ? dir.resolve("WEB-INF/classes") : dir;
            Properties config = config(classes);
            String id = bundleId != null ? bundleId : config.getProperty("evento.bundle.id");
            if (id == null || id.isBlank()) {
                throw invalid(artifact.getFileName() + " declares no evento.bundle.id in META-INF/microprofile-config.properties; give --bundle-id");
            }
            long version = bundleVersion != null ? bundleVersion : version(config.getProperty("evento.bundle.version", "1"));
            try (URLClassLoader loader = new URLClassLoader(urls(classes, war ? dir.resolve("WEB-INF/lib") : null),
                    BundleReader.class.getClassLoader())) {
                List<Class<?>> types = classes(classes, loader);
                if (types.isEmpty()) {
                    throw invalid(artifact.getFileName() + " holds no classes");
                }
                ComponentModel model = ComponentModel.of(types);
                if (model.components().isEmpty()) {
                    throw invalid(artifact.getFileName() + " is not an Evento bundle: none of its " + types.size()
                            + " classes is an @Aggregate, @Service, @Projector, @Projection, @Saga, @Observer or @Invoker");
                }
                return description(model, loader, id, version);
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
        } catch (IOException e) {
            throw invalid("cannot read " + artifact + ": " + e.getMessage());
        } finally {
            delete(dir);
        }
    }

    private static BundleDescription description(ComponentModel model, ClassLoader loader, String id, long version) {
        Map<String, Component> byName = new java.util.HashMap<>();
        model.components().forEach(c -> byName.put(c.name(), c));
        List<ComponentInfo> components = new ArrayList<>();
        for (ComponentInfo info : BundleRuntime.registration(model)) {
            Component component = byName.get(info.name());
            List<HandlerInfo> handlers = new ArrayList<>();
            for (HandlerInfo handler : info.handlers()) {
                Optional<Handler> declared = component.handlers().values().stream()
                        .filter(h -> PayloadTypes.nameOf(h.payload()).equals(handler.payload())).findFirst();
                List<String> sends = declared.map(h -> SentMessages.of(loader, h.method())).orElse(List.of()).stream()
                        .peek(type -> model.payloads().register(type)).map(PayloadTypes::nameOf).toList();
                handlers.add(new HandlerInfo(handler.payload(), handler.kind(), handler.returns(), handler.returnsMany(),
                        handler.association(), handler.contexts(), sends));
            }
            components.add(new ComponentInfo(info.name(), info.kind(), info.version(), handlers, info.description()));
        }
        return new BundleDescription(id, version, components, BundleRuntime.payloads(model.payloads()));
    }

    /** Unpacks the artifact's classes, libraries and configuration; refuses entries that leave the directory. */
    private static void extract(Path artifact, Path dir) throws IOException {
        long total = 0;
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                boolean wanted = name.endsWith(".class") || name.endsWith("microprofile-config.properties")
                        || (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"));
                if (entry.isDirectory() || !wanted) {
                    continue;
                }
                Path target = dir.resolve(name).normalize();
                if (!target.startsWith(dir)) {
                    throw invalid(artifact.getFileName() + " has an entry outside itself: " + name);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    total += Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (total > MAX_EXTRACTED_BYTES) {
                    throw invalid(artifact.getFileName() + " unpacks to more than " + MAX_EXTRACTED_BYTES + " bytes");
                }
            }
        } catch (ZipException e) {
            throw invalid(artifact.getFileName() + " is not a jar or war: " + e.getMessage());
        }
    }

    private static Properties config(Path classes) throws IOException {
        Properties properties = new Properties();
        Path file = classes.resolve("META-INF/microprofile-config.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
        }
        return properties;
    }

    private static long version(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw invalid("evento.bundle.version is not a number: '" + text + "'");
        }
    }

    private static URL[] urls(Path classes, Path lib) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(url(classes));
        if (lib != null && Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.sorted().toList()) {
                    urls.add(url(jar));
                }
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The artifact's own classes (not its libraries'), loaded without initialisation; those that cannot load are left out. */
    private static List<Class<?>> classes(Path root, ClassLoader loader) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (relative.startsWith("WEB-INF/") || relative.startsWith("META-INF/") || relative.endsWith("module-info.class")
                        || relative.endsWith("package-info.class")) {
                    continue;
                }
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                try {
                    classes.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException | LinkageError e) {
                    System.err.println("evento: skipping " + name + " (" + e + ")");
                }
            }
        }
        return classes;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    static EventoException invalid(String message) {
        return new EventoException(ErrorCode.INVALID_REQUEST, message);
    }
}
