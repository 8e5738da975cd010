package dev.keysmith.modeler.model;

/**
 * One difference between two versions of a project.
 *
 * @param subject what changed, e.g. {@code table Orders} or {@code entity Customer} or {@code pattern 'Get orders'}
 * @param detail how it changed, e.g. {@code GSI GSI1 added} or {@code rate 10/s -> 20/s}
 */
public record Change(String subject, String detail) {

    /** The readable line, e.g. {@code table Orders: GSI GSI1 added}. */
    public String line() {
        return subject + ": " + detail;
    }

    @Override
    public String toString() {
        return line();
    }
}
