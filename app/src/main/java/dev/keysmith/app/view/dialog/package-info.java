/** Small dialogs shared by the workbench: About and the error dialog. */
@NullMarked
package dev.keysmith.app.view.dialog;

import org.jspecify.annotations.NullMarked;
