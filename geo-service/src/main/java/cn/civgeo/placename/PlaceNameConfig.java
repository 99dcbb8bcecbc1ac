package cn.civgeo.placename;

import cn.civgeo.placename.pinyin.PlaceNameRomanizer;
import cn.civgeo.placename.rules.NameRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The romaniser (with the curated dictionary) and the name rules, configured from {@code civgeo.placename.*}. */
@Configuration
class PlaceNameConfig {
    @Bean
    PlaceNameRomanizer placeNameRomanizer() { return PlaceNameRomanizer.standard(); }

    @Bean
    NameRules nameRules(PlaceNameRomanizer romanizer,
                        @Value("${civgeo.placename.min-avenue-length-m:1000}") double minAvenueLength,
                        @Value("${civgeo.placename.extra-common-chars:垵筼筜厝}") String extraCommonChars) {
        return new NameRules(romanizer, minAvenueLength, extraCommonChars);
    }
}
