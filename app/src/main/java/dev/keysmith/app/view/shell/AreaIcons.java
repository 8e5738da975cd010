package dev.keysmith.app.view.shell;

import org.kordamp.ikonli.feather.Feather;

/** The Feather icon of each area, shared by the sidebar and the empty states. */
final class AreaIcons {
    private AreaIcons() {}

    static Feather of(Area area) {
        return switch (area) {
            case MODEL -> Feather.LAYERS;
            case DATA -> Feather.DATABASE;
            case QUERY -> Feather.SEARCH;
            case CAPACITY -> Feather.DOLLAR_SIGN;
            case STREAMS -> Feather.ACTIVITY;
        };
    }
}
