package io.evento.bundle.model;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Finds the classes of packages (and their sub-packages) on a class loader, in directories and jars. */
final class ClassScanner {

    private ClassScanner() {
    }

    static List<Class<?>> classes(ClassLoader loader, List<String> packages) {
        TreeSet<String> names = new TreeSet<>();
        for (String pkg : packages) {
            String path = pkg.replace('.', '/');
            try {
                Enumeration<URL> roots = loader.getResources(path);
                while (roots.hasMoreElements()) {
                    URL root = roots.nextElement();
                    if ("file".equals(root.getProtocol())) {
                        walk(new File(URLDecoder.decode(root.getPath(), StandardCharsets.UTF_8)), pkg, names);
                    } else if ("jar".equals(root.getProtocol())) {
                        JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile();
                        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                            String entry = entries.nextElement().getName();
                            if (entry.startsWith(path + "/") && entry.endsWith(".class")) {
                                names.add(entry.substring(0, entry.length() - 6).replace('/', '.'));
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot scan package " + pkg, e);
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith("package-info") || name.endsWith("module-info")) {
                continue;
            }
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // a class that cannot load cannot be a component
            }
        }
        return classes;
    }

    private static void walk(File dir, String pkg, TreeSet<String> names) {
        File[] files = dir.listFiles();
        if (files == null) {
            return;
        }
        for (File file : files) {
            if (file.isDirectory()) {
                walk(file, pkg + "." + file.getName(), names);
            } else if (file.getName().endsWith(".class")) {
                names.add(pkg + "." + file.getName().substring(0, file.getName().length() - 6));
            }
        }
    }
}
