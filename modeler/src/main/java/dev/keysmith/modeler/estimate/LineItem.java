package dev.keysmith.modeler.estimate;

/**
 * One number of an estimate, with where it belongs and how it was computed: {@code formula} has every input substituted
 * and ends with {@code value} (e.g. "20,000,000 WRU x $0.625 / 1,000,000 = $12.5").
 *
 * @param section what kind of number: see {@link Section}
 * @param scope what it is about: "model", "table Orders", "index Orders.GSI1", "pattern getOrder"
 * @param name what the number is ("on-demand writes per month")
 * @param unit "RCU", "WCU", "USD", "B", "GB", "partitions", "requests/s"...
 */
public record LineItem(Section section, String scope, String name, double value, String unit, String formula) {

    /** The groups a report shows, in order. */
    public enum Section {
        SIZE,
        CAPACITY,
        PARTITIONS,
        COST
    }

    /** Identifies the same line in two estimates (used by {@link EstimateDiff}). */
    public String key() {
        return section + "|" + scope + "|" + name;
    }

    static LineItem of(Section section, String scope, String name, String unit, Metered metered) {
        return new LineItem(section, scope, name, metered.units(), unit, metered.formula());
    }
}
