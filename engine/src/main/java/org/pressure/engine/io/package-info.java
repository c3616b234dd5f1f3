/**
 * Writing files safely: atomic replacement and CSV text cells that a spreadsheet will not run
 * as formulas.
 */
package org.pressure.engine.io;
