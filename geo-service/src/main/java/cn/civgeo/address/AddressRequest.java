package cn.civgeo.address;

/**
 * Create or update a doorplate. {@code roadId} (or {@code road}, an approved road/lane/residential-area name,
 * resolved within {@code communityCode}'s city) names the road; {@code lon}/{@code lat} in EPSG:4490; the
 * community defaults to the one containing the point. {@code version} is required on update.
 */
public record AddressRequest(Long roadId, String road, Integer number, String numberSuffix, String building, String unit, String room,
                             String communityCode, Double lon, Double lat, String status, Integer version) {}
