package cn.civgeo.support;

/** Web Mercator tile arithmetic for tests that request vector tiles. */
public final class Tiles {
    private Tiles() {}

    /** The x/y of the zoom-{@code z} tile that holds the point (lon/lat in degrees). */
    public static int[] tileOf(double lon, double lat, int z) {
        double n = Math.pow(2, z), r = Math.toRadians(lat);
        return new int[] {(int) Math.floor((lon + 180) / 360 * n),
                (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n)};
    }
}
