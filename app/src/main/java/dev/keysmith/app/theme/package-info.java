/** The AtlantaFX themes the workbench offers and the service that applies and remembers the choice. */
@NullMarked
package dev.keysmith.app.theme;

import org.jspecify.annotations.NullMarked;
