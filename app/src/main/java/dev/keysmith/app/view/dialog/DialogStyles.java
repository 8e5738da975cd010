package dev.keysmith.app.view.dialog;

import java.util.Objects;
import javafx.scene.control.DialogPane;

/** Adds the dialogs' stylesheet to a dialog pane (a dialog has its own scene, so it does not see the window's). */
final class DialogStyles {
    private static final String STYLESHEET =
            Objects.requireNonNull(DialogStyles.class.getResource("dialog.css")).toExternalForm();

    private DialogStyles() {}

    static void apply(DialogPane pane) {
        pane.getStylesheets().add(STYLESHEET);
    }
}
