/**
 * Demo data for a newcomer's first run ({@code civgeo.demo.enabled=true}, set by scripts/run.sh). Each feature
 * contributes a {@link cn.civgeo.demo.DemoDataContributor}; they run in order, each skipping itself when its data
 * is already there. All demo geometry is synthetic unless a contributor says otherwise.
 */
package cn.civgeo.demo;
