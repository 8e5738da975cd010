package dev.keysmith.modeler.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Helpers for editing the immutable named lists of the model. */
final class ModelLists {

    private ModelLists() {}

    static <T> List<T> replaceOrAppend(List<T> list, T element, Function<T, String> name) {
        List<T> copy = new ArrayList<>(list);
        String key = name.apply(element);
        for (int i = 0; i < copy.size(); i++) {
            if (name.apply(copy.get(i)).equals(key)) {
                copy.set(i, element);
                return List.copyOf(copy);
            }
        }
        copy.add(element);
        return List.copyOf(copy);
    }

    static <T> List<T> edit(List<T> list, String key, Function<T, String> name, UnaryOperator<T> edit) {
        return list.stream()
                .map(e -> name.apply(e).equals(key) ? edit.apply(e) : e)
                .toList();
    }
}
