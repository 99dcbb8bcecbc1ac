package cn.civgeo.geocode.parse;

import java.util.List;

/**
 * What the address parser knows about names: division units by name (full name, short forms, aliases and former
 * names), their hierarchy and the successors of abolished units. Implemented in memory ({@link InMemoryGazetteer});
 * tests use a small one, the service the whole national registry.
 */
public interface Gazetteer {

    /** How a name was written. Order matters: earlier forms are more trustworthy. */
    enum Form { FULL, SHORT, ALIAS, FORMER }

    /** One way to write one unit. */
    record Hit(int unit, Form form) {}

    /** Units written exactly as {@code text} (any form). */
    List<Hit> exact(String text);

    /** Longest indexed name, in characters. */
    int maxNameLength();

    /** Number of units; unit ids run from 0 to size()-1. */
    int size();

    String code(int unit);

    String name(int unit);

    /** 1 province, 2 prefecture, 3 county, 4 township, 5 village. */
    int level(int unit);

    /** Parent unit id or -1. */
    int parent(int unit);

    /** Child unit ids (current units only). */
    int[] children(int unit);

    boolean abolished(int unit);

    /** Current successors of an abolished unit (empty for current units). */
    int[] successors(int unit);

    /** Unit id of a code, or -1. */
    int find(String code);

    /** All names and short forms of a unit (full name first), for fuzzy matching. */
    List<String> forms(int unit);

    /** Current units at a level, for unanchored fuzzy matching of high levels. */
    int[] atLevel(int level);

    /** Representative point {lon, lat} in EPSG:4490, or null when the unit has no geometry. */
    double[] point(int unit);

    /** Toneless pinyin syllable of a character, or null; used to make homophone typos cheaper. */
    default String pinyin(char c) { return null; }
}
