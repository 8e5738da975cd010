package dev.keysmith.app.view.shell;

import dev.keysmith.app.AppContext;
import dev.keysmith.app.AppVersion;
import dev.keysmith.app.theme.AppTheme;
import dev.keysmith.app.theme.ThemeService;
import dev.keysmith.app.view.dialog.AboutDialog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The workbench window: menu bar, sidebar, the selected area's page and the status bar. Built in code; all state
 * lives in the {@link ShellViewModel}, the {@link ThemeService} and the task runner.
 */
public final class MainWindow {
    static final double DEFAULT_WIDTH = 1200;
    static final double DEFAULT_HEIGHT = 760;
    private static final String STYLESHEET = "shell.css";
    private static final KeyCode[] AREA_KEYS = {
        KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5
    };

    private final Stage stage;
    private final AppContext context;
    private final ShellViewModel viewModel;
    private final ProjectFileChooser fileChooser;
    private final Runnable quit;
    private final Map<Area, AreaPage> pages = new EnumMap<>(Area.class);
    private final BorderPane root = new BorderPane();

    /**
     * @param quit ends the application after the window has closed (the workbench passes {@code Platform::exit})
     */
    public MainWindow(Stage stage, AppContext context, ProjectFileChooser fileChooser, Runnable quit) {
        this.stage = stage;
        this.context = context;
        this.viewModel = context.shell();
        this.fileChooser = fileChooser;
        this.quit = quit;

        root.getStyleClass().add("main-window");
        root.setTop(menuBar());
        root.setLeft(new Sidebar(viewModel));
        root.setBottom(new StatusBar(viewModel, context.tasks()));
        showArea(viewModel.selectedAreaProperty().get());
        viewModel.selectedAreaProperty().addListener((observable, old, area) -> showArea(area));

        Scene scene = new Scene(root);
        scene.getStylesheets()
                .add(Objects.requireNonNull(MainWindow.class.getResource(STYLESHEET))
                        .toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.windowTitleProperty());
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        WindowState.restore(stage, context.settings(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        stage.setOnHiding(event -> WindowState.save(stage, context.settings()));
    }

    public void show() {
        stage.show();
    }

    private void showArea(Area area) {
        root.setCenter(pages.computeIfAbsent(area, key -> new AreaPage(key, viewModel, this::openProject)));
    }

    private void openProject() {
        Optional<Path> lastDirectory =
                viewModel.recentFiles().stream().findFirst().map(Path::getParent);
        fileChooser.chooseProjectToOpen(stage, lastDirectory).ifPresent(viewModel::openProject);
    }

    private void quit() {
        stage.close();
        quit.run();
    }

    private MenuBar menuBar() {
        MenuBar bar = new MenuBar(fileMenu(), viewMenu(), helpMenu());
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Menu fileMenu() {
        MenuItem save = item("Save", shortcut(KeyCode.S), event -> viewModel.save());
        save.disableProperty().bind(viewModel.projectOpenProperty().not());
        MenuItem saveAs = item(
                "Save As",
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                event -> viewModel.saveAs());
        saveAs.disableProperty().bind(viewModel.projectOpenProperty().not());
        Menu menu = new Menu(
                "File",
                null,
                item("New Project", shortcut(KeyCode.N), event -> viewModel.newProject()),
                item("Open Project\u2026", shortcut(KeyCode.O), event -> openProject()),
                recentMenu(),
                new SeparatorMenuItem(),
                save,
                saveAs,
                new SeparatorMenuItem(),
                item("Quit", shortcut(KeyCode.Q), event -> quit()));
        menu.setId("menu-file");
        return menu;
    }

    private Menu recentMenu() {
        Menu recent = new Menu("Open Recent");
        recent.setId("menu-open-recent");
        Runnable rebuild = () -> recent.getItems().setAll(recentItems(viewModel.recentFiles()));
        rebuild.run();
        viewModel.recentFiles().addListener((ListChangeListener<Path>) change -> rebuild.run());
        return recent;
    }

    private List<MenuItem> recentItems(List<Path> files) {
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No Recent Projects");
            none.setDisable(true);
            return List.of(none);
        }
        List<MenuItem> items = new ArrayList<>();
        for (Path file : files) {
            items.add(item(file.toString(), null, event -> viewModel.openRecent(file)));
        }
        items.add(new SeparatorMenuItem());
        items.add(item("Clear Recent Projects", null, event -> viewModel.clearRecentFiles()));
        return items;
    }

    private Menu viewMenu() {
        Menu menu = new Menu("View");
        menu.setId("menu-view");
        ToggleGroup areas = new ToggleGroup();
        Map<Area, RadioMenuItem> areaItems = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            RadioMenuItem item = new RadioMenuItem(area.title());
            item.setAccelerator(shortcut(AREA_KEYS[area.ordinal()]));
            item.setToggleGroup(areas);
            item.setOnAction(event -> viewModel.navigate(area));
            areaItems.put(area, item);
            menu.getItems().add(item);
        }
        areaItems.get(viewModel.selectedAreaProperty().get()).setSelected(true);
        viewModel
                .selectedAreaProperty()
                .addListener((observable, old, area) -> areaItems.get(area).setSelected(true));
        menu.getItems().addAll(new SeparatorMenuItem(), themeMenu(context.themes()));
        return menu;
    }

    private static Menu themeMenu(ThemeService themes) {
        Menu menu = new Menu("Theme");
        menu.setId("menu-theme");
        ToggleGroup group = new ToggleGroup();
        Map<AppTheme, RadioMenuItem> items = new EnumMap<>(AppTheme.class);
        for (AppTheme theme : AppTheme.values()) {
            RadioMenuItem item = new RadioMenuItem(theme.displayName());
            item.setToggleGroup(group);
            item.setOnAction(event -> themes.apply(theme));
            items.put(theme, item);
            menu.getItems().add(item);
        }
        items.get(themes.themeProperty().get()).setSelected(true);
        themes.themeProperty()
                .addListener((observable, old, theme) -> items.get(theme).setSelected(true));
        return menu;
    }

    private Menu helpMenu() {
        Menu menu = new Menu(
                "Help", null, item("About Keysmith", null, event -> AboutDialog.show(stage, AppVersion.current())));
        menu.setId("menu-help");
        return menu;
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(String text, @Nullable KeyCombination accelerator, EventHandler<ActionEvent> action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(accelerator);
        item.setOnAction(action);
        return item;
    }
}
