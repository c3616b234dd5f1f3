/**
 * XMILE models: the reader (namespaces, arrays, macros, graphical functions) and the compiler
 * into the engine's {@link org.pressure.engine.model.Model} (formulas over slots with the shared
 * built-ins, stocks integrated by the file's method), with a model's constants as inputs when a
 * sweep varies them. Belongs here: anything that knows the XMILE format.
 */
package org.pressure.engine.xmile;
