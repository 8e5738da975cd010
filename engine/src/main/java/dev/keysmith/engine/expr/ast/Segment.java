package dev.keysmith.engine.expr.ast;

/** One step of a resolved document path. */
public sealed interface Segment {
    record Key(String name) implements Segment {}

    record Index(int index) implements Segment {}
}
