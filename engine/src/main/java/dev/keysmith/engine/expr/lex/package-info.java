/** Tokenizer shared by all expression kinds. */
package dev.keysmith.engine.expr.lex;
