/**
 * Standard addresses (标准地址, doorplates; domain.md §4): road or lane (an approved standard place name), number with
 * suffix (之一, 附1, A), building, unit, room, the community (level-5 division, whose chain gives 省/市/区/街道),
 * a point and a status. Address codes after GB/T 39609-2020 (division + street + number, then building/unit/room).
 * Numbering parity is checked when the road records its numbering direction (odd numbers on the right in the
 * numbering direction: north side of east→west streets, west side of north→south streets).
 * <p>
 * SRID 4490 (CGCS2000) points; distances in metres on the ellipsoid. Public service API for the geocoder:
 * {@link cn.civgeo.address.AddressService}.
 */
package cn.civgeo.address;
