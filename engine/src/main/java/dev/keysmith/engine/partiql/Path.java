package dev.keysmith.engine.partiql;

import java.util.List;

/** A document path: a top-level attribute name, then map keys and list indexes. */
record Path(List<Step> steps) {
    Path {
        steps = List.copyOf(steps);
    }

    sealed interface Step permits Name, Index {}

    record Name(String name) implements Step {}

    record Index(int index) implements Step {}

    /** The top-level attribute name. */
    String head() {
        return ((Name) steps.getFirst()).name();
    }

    boolean isTopLevel() {
        return steps.size() == 1;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            switch (s) {
                case Name n -> sb.append(sb.isEmpty() ? "" : ".").append(n.name());
                case Index i -> sb.append('[').append(i.index()).append(']');
            }
        }
        return sb.toString();
    }
}
