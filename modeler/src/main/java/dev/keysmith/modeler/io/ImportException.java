package dev.keysmith.modeler.io;

/**
 * An input file that cannot be imported. The message names the problem and its location: a JSON pointer such as
 * {@code /DataModel/0/TableName} for a structural problem, or {@code line:column} for a syntax error.
 */
public final class ImportException extends Exception {

    private final String location;

    ImportException(String location, String problem) {
        super(problem + " at " + location);
        this.location = location;
    }

    ImportException(String location, String problem, Throwable cause) {
        super(problem + " at " + location, cause);
        this.location = location;
    }

    /** The JSON pointer or {@code line:column} of the problem. */
    public String location() {
        return location;
    }
}
