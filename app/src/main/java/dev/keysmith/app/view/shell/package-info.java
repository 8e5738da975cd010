/** The workbench shell: main window, menu bar, sidebar navigation, status bar and the shell's view model. */
@NullMarked
package dev.keysmith.app.view.shell;

import org.jspecify.annotations.NullMarked;
