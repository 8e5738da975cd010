/** Key templates such as {@code USER#{userId}}: parse, render, match keys back and detect collisions. */
@NullMarked
package dev.keysmith.modeler.template;

import org.jspecify.annotations.NullMarked;
