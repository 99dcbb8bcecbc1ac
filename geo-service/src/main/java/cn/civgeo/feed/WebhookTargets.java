package cn.civgeo.feed;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where a webhook may point. A receiver inside the network (loopback, private, link-local such as the cloud
 * metadata address 169.254.169.254, unique-local IPv6, multicast, the unspecified address) is refused unless the
 * operator allows internal receivers ({@code civgeo.feed.allow-internal-webhooks}), so an administrator's account
 * cannot be used to make CivGeo call services that only trust the inside. Checked when an endpoint is registered
 * and again before each delivery (a name can later resolve elsewhere).
 */
final class WebhookTargets {
    private WebhookTargets() {}

    /** Why the URL's host may not be called (null when it may): every address the name resolves to is checked. */
    static String refusal(String url, boolean allowInternal) {
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return "is not a URL";
        }
        if (host == null) return "has no host";
        if (allowInternal) return null;
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return "names a host that does not resolve: " + host;
        }
        for (InetAddress a : all) {
            if (internal(a)) {
                return "points inside the network (" + host + " is " + a.getHostAddress() + "); an operator may allow internal "
                        + "receivers with civgeo.feed.allow-internal-webhooks=true";
            }
        }
        return null;
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 16 && (b[0] & 0xfe) == 0xfc) return true; // fc00::/7 unique-local
        if (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) return true; // 100.64.0.0/10 carrier-grade NAT
        return false;
    }
}
