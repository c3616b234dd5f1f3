/**
 * The {@code pressure} command line: one picocli command class per verb, each thin (parse, call
 * the engine, write), with the shared options (charts, prices, inputs) as mixins.
 */
package org.pressure.cli;
