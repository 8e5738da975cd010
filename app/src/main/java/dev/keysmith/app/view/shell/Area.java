package dev.keysmith.app.view.shell;

/** The work areas of the workbench, in sidebar order; Shortcut+1 to Shortcut+5 select them in this order. */
public enum Area {
    MODEL(
            "Model",
            "Tables, entity types, key templates and access patterns.",
            "Open or create a project to design tables."),
    DATA(
            "Data",
            "Sample items for every entity type, stored in the embedded engine.",
            "Open or create a project to generate and edit sample items."),
    QUERY(
            "Query",
            "Queries and scans run against your tables and indexes.",
            "Open or create a project to run queries against its tables."),
    CAPACITY(
            "Capacity & cost",
            "Read and write capacity and monthly cost for each access pattern.",
            "Open or create a project to estimate capacity and cost."),
    STREAMS(
            "Streams",
            "Change records written by the tables, as DynamoDB Streams would deliver them.",
            "Open or create a project to follow the changes to its tables.");

    private final String title;
    private final String summary;
    private final String firstStep;

    Area(String title, String summary, String firstStep) {
        this.title = title;
        this.summary = summary;
        this.firstStep = firstStep;
    }

    /** The name in the sidebar and the area's header, for example "Capacity & cost". */
    public String title() {
        return title;
    }

    /** One sentence saying what the area holds, shown under its header. */
    public String summary() {
        return summary;
    }

    /** One sentence saying what to do first when no project is open. */
    public String firstStep() {
        return firstStep;
    }
}
