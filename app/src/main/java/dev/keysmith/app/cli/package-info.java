/**
 * The subcommands of the {@code keysmith} command, one class per subcommand (for example {@code ServeCommand},
 * {@code LintCommand}), each registered in the {@code subcommands} attribute of {@link dev.keysmith.app.Launcher}'s
 * {@code @Command} annotation.
 */
@NullMarked
package dev.keysmith.app.cli;

import org.jspecify.annotations.NullMarked;
