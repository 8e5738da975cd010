package dev.keysmith.app.view.shell;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The page of one {@link Area}: a header with the area's name and purpose, and an empty state until the area's real
 * view exists. The empty state says what to do first, or, with a project open, that the area comes later.
 */
final class AreaPage extends BorderPane {
    static final String NOT_BUILT_HEADING = "Not built yet";
    static final String NO_PROJECT_HEADING = "No project open";

    AreaPage(Area area, ShellViewModel viewModel, Runnable openProject) {
        setId("area-" + area.name().toLowerCase(Locale.ROOT));
        getStyleClass().add("area-page");

        Label title = new Label(area.title());
        title.setId("area-title");
        title.getStyleClass().add(Styles.TITLE_3);
        Label summary = new Label(area.summary());
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(title, summary);
        header.getStyleClass().add("area-header");
        setTop(header);

        FontIcon icon = new FontIcon(AreaIcons.of(area));
        icon.getStyleClass().add("empty-state-icon");
        Label heading = new Label();
        heading.setId("empty-state-heading");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label text = new Label();
        text.setId("empty-state-text");
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setWrapText(true);

        Button create = new Button("New Project", new FontIcon(Feather.FILE_PLUS));
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(event -> viewModel.newProject());
        Button open = new Button("Open Project\u2026", new FontIcon(Feather.FOLDER));
        open.setOnAction(event -> openProject.run());
        HBox actions = new HBox(create, open);
        actions.getStyleClass().add("empty-state-actions");
        actions.visibleProperty().bind(viewModel.projectOpenProperty().not());
        actions.managedProperty().bind(actions.visibleProperty());

        heading.textProperty()
                .bind(viewModel.projectOpenProperty().map(isOpen -> isOpen ? NOT_BUILT_HEADING : NO_PROJECT_HEADING));
        text.textProperty()
                .bind(viewModel.projectOpenProperty().map(isOpen -> isOpen ? notBuilt(area) : area.firstStep()));

        VBox emptyState = new VBox(icon, heading, text, actions);
        emptyState.getStyleClass().add("empty-state");
        emptyState.setAlignment(Pos.CENTER);
        setCenter(emptyState);
    }

    static String notBuilt(Area area) {
        return "The " + area.title() + " area arrives in a later version of Keysmith.";
    }
}
