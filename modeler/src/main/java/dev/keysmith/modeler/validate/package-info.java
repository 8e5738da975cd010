/** Model checks: {@link dev.keysmith.modeler.validate.ModelValidator} runs one {@link dev.keysmith.modeler.validate.Rule} per concern. */
@NullMarked
package dev.keysmith.modeler.validate;

import org.jspecify.annotations.NullMarked;
