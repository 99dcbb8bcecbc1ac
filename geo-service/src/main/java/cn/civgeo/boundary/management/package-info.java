/**
 * Everyday boundary management (domain §2, §8): 平安边界 creation agreements per line and their creation rate per
 * level and division; 界线界桩管理责任制 custodians (unit, person, contact) of lines and markers with their patrol log
 * and the patrols overdue; re-demarcation (勘界) tasks opened when a division change marks a line for re-survey and
 * tracked (new agreement, new markers, new description) until closed.
 *
 * <p>No geometry of its own: lines and markers are the boundary feature's (EPSG:4490). Dates are calendar dates
 * (Asia/Shanghai practice; the server's date is "today"). A patrol is overdue when the last patrol (or, with none,
 * the custodian's start date) is more than the custodian's interval (default 90 days) before the day asked.
 */
package cn.civgeo.boundary.management;
