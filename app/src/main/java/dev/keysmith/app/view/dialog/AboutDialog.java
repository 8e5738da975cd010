package dev.keysmith.app.view.dialog;

import atlantafx.base.theme.Styles;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Help > About: the name, version and runtime of this build. */
public final class AboutDialog {
    private AboutDialog() {}

    /** Shows the dialog over {@code owner} without blocking and returns it. */
    public static Dialog<ButtonType> show(Window owner, String version) {
        FontIcon logo = new FontIcon(Feather.KEY);
        logo.getStyleClass().add("about-logo");
        Label name = new Label("Keysmith");
        name.getStyleClass().add(Styles.TITLE_2);
        Label versionLabel = new Label("Version " + version);
        versionLabel.setId("about-version");
        Label description = new Label(
                "A workbench for designing DynamoDB data models, with an embedded " + "DynamoDB-compatible engine.");
        description.getStyleClass().add("about-description");
        description.setWrapText(true);
        Label runtime = new Label("Java " + System.getProperty("java.version") + " \u00b7 JavaFX "
                + System.getProperty("javafx.runtime.version"));
        runtime.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox content = new VBox(logo, name, versionLabel, description, runtime);
        content.getStyleClass().add("about-content");

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About Keysmith");
        dialog.getDialogPane().setContent(content);
        DialogStyles.apply(dialog.getDialogPane());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
        return dialog;
    }
}
