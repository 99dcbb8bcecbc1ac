/** Running external programs (GDAL, osm2pgrouting): {@link cn.civgeo.common.process.ExternalTool}, the one wrapper. */
package cn.civgeo.common.process;
