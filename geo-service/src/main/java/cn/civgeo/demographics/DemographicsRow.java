package cn.civgeo.demographics;

import java.time.OffsetDateTime;

/**
 * One division's figures for one year. Every count is optional (null = not reported), never negative;
 * age60 ≤ population, age65 ≤ age60, age80 ≤ age65, disabled + semi-disabled ≤ age60, 特困 elderly ≤ age60.
 * urbanRural: urban or rural; cremationArea: 火化区.
 */
public record DemographicsRow(String divisionCode, int year, Integer population, Integer households, Integer age60, Integer age65,
                              Integer age80, Integer disabledElderly, Integer semiDisabledElderly, Integer tekunElderly,
                              String urbanRural, Boolean cremationArea, String source, Integer version, String updatedBy,
                              OffsetDateTime updatedAt) {}
