/**
 * The expression language of scenario files and XMILE equations: the lexer and parser, the
 * syntax tree, the one table of built-in functions and their compilation to formulas over model
 * slots. Knows nothing of councils.
 */
package org.pressure.engine.expr;
