/**
 * The facility registry: elderly-care (养老机构, 街道综合养老服务中心, 社区居家养老服务站/日间照料中心, 农村幸福院/互助养老点),
 * funeral and burial (殡仪馆, 公益性公墓, 经营性公墓, 骨灰堂) facilities and community service centres (社区综合服务设施).
 *
 * <p>Locations are points in CGCS2000 (EPSG:4490); requests may send EPSG:4326, GCJ-02, BD-09 or Gauss–Krüger and
 * are converted on the way in. Areas are m², beds and capacity are counts. A facility's division is the deepest
 * active division whose polygon covers its location at the time it was saved. Imports geocode addresses with the
 * project's geocoder and hold rows below the confidence threshold for a person to place.
 */
package cn.civgeo.facility;
