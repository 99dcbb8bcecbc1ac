/**
 * Demographics (人口与老年人口): per division and year, population, households, residents aged 60+, 65+, 80+,
 * disabled (失能) and semi-disabled (半失能) elderly, 特困 elderly, the urban/rural flag and whether the unit is in a
 * cremation area (火化区). These are the denominators of the plan indicators, owned and updated every year by the
 * bureau. Tables {@code demographics}, {@code demographics_history}, {@code demographics_import} (V71); other
 * features read them through {@link cn.civgeo.demographics.DemographicsService} or the SQL function
 * {@code demographics_at(year)} (each division's latest row of a year ≤ year).
 *
 * <p>No geometry here; division codes are GB/T 2260 / 10114 codes of the division registry. Counts are persons
 * (households for households). As-of by year: asking for 2024 answers the row of 2024 or, if none, the latest
 * year before it. A replaced row is kept in {@code demographics_history} with who replaced it and when. A division
 * adjustment writes a successor's row as the sum of its predecessors' ({@code carryToSuccessor}), never over a row of
 * the same year.
 */
package cn.civgeo.demographics;
