package cn.civgeo.common.replica;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Opens a read scope around the controller of read-only requests, and keeps callers who just wrote on the
 * leader (see the package documentation). Inactive unless {@code civgeo.database.read-url} is set.
 */
@Configuration(proxyBeanMethods = false)
class ReadRoutingInterceptor implements HandlerInterceptor, WebMvcConfigurer {
    static final String COOKIE = "CIVGEO_PRIMARY_UNTIL";
    /** API families whose GETs only read. */
    static final List<String> READ_PATHS = List.of("/api/geocode", "/api/reverse", "/api/suggest", "/api/map/",
            "/api/ogc", "/api/divisions", "/api/place-names", "/api/place-categories", "/api/addresses",
            "/api/facilities", "/api/service-areas", "/api/coverage", "/api/indicators", "/api/boundary/", "/api/plans");

    private final boolean enabled;
    private final long stickyMillis;
    private final Map<String, Long> wroteUntil = new ConcurrentHashMap<>();

    ReadRoutingInterceptor(@Value("${civgeo.database.read-url:}") String readUrl,
                           @Value("${civgeo.database.read-your-writes-seconds:10}") long stickySeconds) {
        this.enabled = readUrl != null && !readUrl.isBlank();
        this.stickyMillis = stickySeconds * 1000;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (enabled) registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    static boolean readOnlyPath(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) return false;
        if (path.endsWith("/export") || path.contains("/export.") || path.contains("/jobs")) return false;
        for (String p : READ_PATHS) if (path.startsWith(p)) return true;
        return false;
    }

    @Override
    public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
        if (readOnlyPath(req.getMethod(), req.getRequestURI()) && !justWrote(req)) ReadRouting.enter();
        return true;
    }

    private boolean justWrote(HttpServletRequest req) {
        long now = System.currentTimeMillis();
        Principal p = req.getUserPrincipal();
        if (p != null && wroteUntil.getOrDefault(p.getName(), 0L) > now) return true;
        if (req.getCookies() != null) {
            for (Cookie c : req.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    try {
                        if (Long.parseLong(c.getValue()) > now) return true;
                    } catch (NumberFormatException ignored) {
                        // a cookie we did not write: ignore
                    }
                }
            }
        }
        return false;
    }

    @Override
    public void postHandle(HttpServletRequest req, HttpServletResponse res, Object handler,
                           org.springframework.web.servlet.ModelAndView mv) {
        String m = req.getMethod();
        if (m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS") || res.getStatus() >= 400) return;
        long until = System.currentTimeMillis() + stickyMillis;
        Principal p = req.getUserPrincipal();
        if (p != null) wroteUntil.put(p.getName(), until);
        Cookie c = new Cookie(COOKIE, Long.toString(until));
        c.setPath("/");
        c.setHttpOnly(true);
        c.setMaxAge((int) Math.max(1, stickyMillis / 1000));
        res.addCookie(c);
        if (wroteUntil.size() > 10_000) wroteUntil.values().removeIf(t -> t < System.currentTimeMillis());
    }

    @Override
    public void afterCompletion(HttpServletRequest req, HttpServletResponse res, Object handler, Exception ex) {
        ReadRouting.exit();
    }
}
