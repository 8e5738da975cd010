package dev.keysmith.modeler.estimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The line-by-line difference between two estimates (before and after a {@link WhatIf}): every line whose value
 * changed, appeared or disappeared, with both formulas.
 */
public record EstimateDiff(
        EstimateReport before, EstimateReport after, List<Change> changes, double monthlyBefore, double monthlyAfter) {

    /** One line that differs; {@code before} or {@code after} is null when the line exists on one side only. */
    public record Change(
            LineItem.Section section,
            String scope,
            String name,
            String unit,
            @Nullable Double before,
            @Nullable Double after,
            @Nullable String beforeFormula,
            @Nullable String afterFormula) {

        /** after - before, counting a missing side as 0. */
        public double delta() {
            return (after == null ? 0 : after) - (before == null ? 0 : before);
        }
    }

    public EstimateDiff {
        changes = List.copyOf(changes);
    }

    /** Compares two estimates line by line (lines match on section, scope and name). */
    public static EstimateDiff between(EstimateReport before, EstimateReport after) {
        Map<String, LineItem> old = new LinkedHashMap<>();
        before.lines().forEach(l -> old.putIfAbsent(l.key(), l));
        Map<String, LineItem> now = new LinkedHashMap<>();
        after.lines().forEach(l -> now.putIfAbsent(l.key(), l));
        List<Change> changes = new ArrayList<>();
        old.forEach((key, b) -> {
            LineItem a = now.get(key);
            if (a == null) {
                changes.add(new Change(b.section(), b.scope(), b.name(), b.unit(), b.value(), null, b.formula(), null));
            } else if (Math.abs(a.value() - b.value()) > 1e-9 * Math.max(1, Math.abs(b.value()))) {
                changes.add(new Change(
                        b.section(), b.scope(), b.name(), b.unit(), b.value(), a.value(), b.formula(), a.formula()));
            }
        });
        now.forEach((key, a) -> {
            if (!old.containsKey(key)) {
                changes.add(new Change(a.section(), a.scope(), a.name(), a.unit(), null, a.value(), null, a.formula()));
            }
        });
        return new EstimateDiff(before, after, changes, before.monthlyTotal(), after.monthlyTotal());
    }

    /** The changes as text, one per line: "scope | name: before -> after (+delta)". */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append("Monthly total: ")
                .append(Fmt.cents(monthlyBefore))
                .append(" -> ")
                .append(Fmt.cents(monthlyAfter));
        s.append(" (").append(signed(monthlyAfter - monthlyBefore, "USD")).append(")\n");
        for (Change c : changes) {
            s.append(c.scope()).append(" | ").append(c.name()).append(": ");
            s.append(c.before() == null ? "(none)" : show(c.before(), c.unit())).append(" -> ");
            s.append(c.after() == null ? "(none)" : show(c.after(), c.unit()));
            s.append(" (").append(signed(c.delta(), c.unit())).append(")\n");
        }
        return s.toString();
    }

    private static String show(double value, String unit) {
        return unit.equals("USD") ? Fmt.cents(value) : Fmt.num(value) + " " + unit;
    }

    private static String signed(double delta, String unit) {
        return (delta >= 0 ? "+" : "-") + show(Math.abs(delta), unit);
    }
}
