/**
 * Audit trail: every create, update and delete records who did it, when, the entity and its before/after JSON,
 * written in the caller's transaction so a rolled-back change leaves no audit row and a committed one always has one.
 */
package cn.civgeo.audit;
