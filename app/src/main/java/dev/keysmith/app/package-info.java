/** The Keysmith desktop workbench and the {@code keysmith} command: launcher, wiring and the JavaFX application. */
@NullMarked
package dev.keysmith.app;

import org.jspecify.annotations.NullMarked;
