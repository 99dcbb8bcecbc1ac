/**
 * Tabular import and export (CSV and .xlsx) and the per-row import report. Imports are all-or-nothing unless
 * the caller asks for partial mode; either way every rejected row is named with its field and reason.
 */
package cn.civgeo.common.io;
