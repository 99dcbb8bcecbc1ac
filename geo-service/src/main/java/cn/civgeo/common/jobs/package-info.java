/**
 * Background jobs with progress for long work (imports, batch geocoding, coverage runs). Jobs live in memory on
 * this instance and are kept for an hour after they finish; the work runs with its submitter's identity so its
 * writes are audited to that user.
 */
package cn.civgeo.common.jobs;
