/** Per-user settings: a small properties file in the per-user configuration folder, written atomically. */
@NullMarked
package dev.keysmith.app.settings;

import org.jspecify.annotations.NullMarked;
