package dev.keysmith.app.view.shell;

import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The navigation column: the app name, one button per {@link Area}, and the open project at the bottom. */
final class Sidebar extends VBox {
    private final ToggleGroup group = new ToggleGroup();
    private final Map<Area, ToggleButton> buttons = new EnumMap<>(Area.class);

    Sidebar(ShellViewModel viewModel) {
        getStyleClass().add("sidebar");

        FontIcon logo = new FontIcon(Feather.KEY);
        logo.getStyleClass().add("sidebar-logo");
        Label name = new Label("Keysmith", logo);
        name.getStyleClass().addAll(Styles.TITLE_4, "sidebar-brand");

        Label section = new Label("Workspace");
        section.getStyleClass().addAll(Styles.TEXT_CAPTION, Styles.TEXT_MUTED, "sidebar-section");

        getChildren().addAll(name, section);
        for (Area area : Area.values()) {
            ToggleButton button = navButton(area, viewModel);
            buttons.put(area, button);
            getChildren().add(button);
        }

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label project = new Label();
        project.setId("sidebar-project");
        project.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        project.textProperty().bind(viewModel.sessionProperty().map(Sidebar::describe));
        project.setGraphic(new FontIcon(Feather.FILE));
        HBox footer = new HBox(project);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("sidebar-footer");
        getChildren().addAll(spacer, footer);

        select(viewModel.selectedAreaProperty().get());
        viewModel.selectedAreaProperty().addListener((observable, old, area) -> select(area));
    }

    private ToggleButton navButton(Area area, ShellViewModel viewModel) {
        ToggleButton button = new ToggleButton(area.title(), new FontIcon(AreaIcons.of(area)));
        button.setId("nav-" + area.name().toLowerCase(Locale.ROOT));
        button.getStyleClass().add("nav-item");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.setToggleGroup(group);
        button.setTooltip(new Tooltip(area.summary()));
        // A toggle button deselects when clicked again; navigation always selects, so keep it selected.
        button.setOnAction(event -> {
            button.setSelected(true);
            viewModel.navigate(area);
        });
        return button;
    }

    private void select(Area area) {
        buttons.get(area).setSelected(true);
    }

    private static String describe(ProjectSession session) {
        return switch (session) {
            case ProjectSession.None none -> "No project open";
            case ProjectSession.Untitled untitled -> "Untitled project";
            case ProjectSession.InFile inFile -> inFile.file().getFileName().toString();
        };
    }
}
