package cn.civgeo.common;

/** The Content-Security-Policy of every answer (the map page adds a nonce for its inline configuration). */
public final class SecurityHeaders {
    /**
     * Scripts, styles and data from this origin only; map tiles may come from a configured raster base layer
     * (any origin), inline style attributes are allowed (Leaflet sets them), nothing may frame the page from elsewhere.
     */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob: https: http:; connect-src 'self'; font-src 'self' data:; worker-src 'self' blob:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private SecurityHeaders() {}
}
