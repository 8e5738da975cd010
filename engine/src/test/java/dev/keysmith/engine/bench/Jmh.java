package dev.keysmith.engine.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs a JMH benchmark class, also from {@code mvn exec:java}, whose class loader JMH's forked JVM cannot see. */
final class Jmh {
    private Jmh() {}

    static void run(Class<?> benchmark) throws RunnerException {
        // JMH forks a JVM with java.class.path; under exec:java the classes come from a URLClassLoader instead.
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("not a file URL on the class path: " + url, e);
                }
            }
            System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        }
        new Runner(new OptionsBuilder().include(benchmark.getSimpleName()).build()).run();
    }
}
