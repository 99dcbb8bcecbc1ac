/**
 * Text rules every feature shares: how places read ({@link cn.civgeo.common.text.PlaceReadings}, one curated table
 * for romanisation, division search keys and the geocoder).
 */
package cn.civgeo.common.text;
