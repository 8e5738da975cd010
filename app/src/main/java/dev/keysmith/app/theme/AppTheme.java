package dev.keysmith.app.theme;

import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.NordLight;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;

/** The AtlantaFX themes offered in View > Theme. */
public enum AppTheme {
    PRIMER_LIGHT(new PrimerLight()),
    PRIMER_DARK(new PrimerDark()),
    NORD_LIGHT(new NordLight()),
    NORD_DARK(new NordDark());

    /** The theme used until the user picks another. */
    public static final AppTheme DEFAULT = PRIMER_LIGHT;

    private final Theme theme;

    AppTheme(Theme theme) {
        this.theme = theme;
    }

    /** The name shown in the menu, for example "Primer Dark". */
    public String displayName() {
        return theme.getName();
    }

    /** The user-agent stylesheet URL of this theme. */
    public String stylesheet() {
        return theme.getUserAgentStylesheet();
    }
}
