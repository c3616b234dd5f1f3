/**
 * Reports for board papers: one self-contained HTML page that prints to A4, and an XLSX workbook,
 * with headlines in words.
 */
package org.pressure.cli.report;
