package cn.civgeo.placename;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A search result: a registered place name ({@code source = "place-name"}, with {@code id}) or a division
 * ({@code source = "division"}, whose name is a place name too; {@code code} is the division code).
 * {@code matched} is the name that matched when it was not the standard one (an alias or a former name);
 * {@code score} the similarity (fuzzy) and {@code distanceM} the distance to the search point, when asked.
 */
public record PlaceNameHit(String source, Long id, String code, String name, String spelling, String pinyin,
                           String categoryCode, String categoryName, String divisionCode, String status, String matched,
                           Double score, Double distanceM, @JsonRawValue String geometry) {}
