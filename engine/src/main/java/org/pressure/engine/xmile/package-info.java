/**
 * XMILE models: the reader (namespaces, arrays, macros, graphical functions), the compiler to
 * formulas over slots with the shared built-ins, and the integrators (Euler, RK2, RK4).
 */
package org.pressure.engine.xmile;
