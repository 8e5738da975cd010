package dev.keysmith.modeler.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Warnings collected during one import, plus the pointers of YAML-tagged values kept as opaque text. */
final class Warnings {

    private final List<String> lines = new ArrayList<>();
    private final Set<String> opaquePointers = new HashSet<>();

    void add(String location, String message) {
        String line = location + ": " + message;
        if (!lines.contains(line)) {
            lines.add(line);
        }
    }

    void markOpaque(String pointer) {
        opaquePointers.add(pointer);
    }

    boolean isOpaque(String pointer) {
        return opaquePointers.contains(pointer);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
