package cn.civgeo.division;

import java.time.LocalDate;

/**
 * One administrative unit as stored (or as it was on an {@code asOf} date). Geometry is not carried here (ask
 * {@link DivisionService#geometry} or the API with {@code geometry=true}); {@code geometrySource} says where it
 * came from: {@code synthetic} for the generated demo city, {@code import:<file>} for imported boundaries.
 *
 * @param level 1 province, 2 prefecture, 3 county, 4 township, 5 village/community
 * @param kind  类型: 省/自治区/直辖市, 地级市/地区/自治州/盟, 市辖区/县/自治县/旗/县级市, 街道/镇/乡, 社区/村 …
 * @param areaKm2 area on the CGCS2000 ellipsoid, null without geometry
 * @param elderly residents aged 60 and over
 */
public record Division(
        String code, String name, String shortName, int level, String kind, String parentCode, String urbanRural,
        Integer population, Integer households, Integer elderly, Double areaKm2, String pinyin, String initials,
        String status, LocalDate validFrom, LocalDate validTo, int version, String geometrySource, boolean hasGeometry) {

    public boolean active() { return "active".equals(status); }

    /** Geometry made by the demo generator, not a real boundary. */
    public boolean syntheticGeometry() { return "synthetic".equals(geometrySource); }
}
