package dev.keysmith.modeler.validate;

import java.util.List;

/** One model check. Rules never throw on odd models: references they cannot resolve are another rule's business. */
public interface Rule {

    /** Stable identifier, e.g. {@code index-unused}. */
    String id();

    List<Diagnostic> check(ModelScope scope);
}
