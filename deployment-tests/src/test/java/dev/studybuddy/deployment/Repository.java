package dev.studybuddy.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository under test: its root and the files the deployment is made of. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("studybuddy.root", ".."))
            .toAbsolutePath()
            .normalize();

    /** The three services: module, default port, whether it keeps uploads. */
    static final List<String> SERVICES = List.of("command-side", "query-side", "notification-saga");

    private Repository() {}

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative + " under " + ROOT, e);
        }
    }

    /** The modules the root pom lists, in order. */
    static List<String> modules() {
        Matcher matcher = Pattern.compile("<module>([^<]+)</module>").matcher(read("pom.xml"));
        List<String> modules = new ArrayList<>();
        while (matcher.find()) {
            modules.add(matcher.group(1).trim());
        }
        return modules;
    }

    static int defaultPort(String service) {
        return switch (service) {
            case "command-side" -> 8081;
            case "query-side" -> 8082;
            case "notification-saga" -> 8083;
            default -> throw new IllegalArgumentException(service);
        };
    }
}
