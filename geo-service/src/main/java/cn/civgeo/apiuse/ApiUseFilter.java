package cn.civgeo.apiuse;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the division codes a request names and counts them for its caller (after the security chain, so the caller is
 * known). Only {@code /api/} requests; nothing is written here.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiUseFilter extends OncePerRequestFilter {
    private static final Pattern CODE = Pattern.compile("[0-9]{6}|[0-9]{9}|[0-9]{12}");
    private static final Pattern DIVISION_PATH = Pattern.compile("^/api/divisions/([0-9]{6}|[0-9]{9}|[0-9]{12})(/.*)?$");
    private static final List<String> PARAMS = List.of("code", "prefix", "parentCode", "divisionCode", "division");

    private final ApiUseService use;
    private final boolean enabled;

    ApiUseFilter(ApiUseService use, @org.springframework.beans.factory.annotation.Value("${civgeo.api-use.enabled:true}") boolean enabled) {
        this.use = use;
        this.enabled = enabled;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest req) { return !enabled || !req.getRequestURI().startsWith("/api/"); }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
        Set<String> codes = codes(req.getRequestURI(), req::getParameter);
        if (!codes.isEmpty()) {
            use.count(client(SecurityContextHolder.getContext().getAuthentication()), codes);
        }
        chain.doFilter(req, res);
    }

    /**
     * Who is counted: the signed-in user or API client by name; a request without key or sign-in as
     * {@link ApiUseService#ANONYMOUS}. A caller really named so is counted as {@code user:anonymous}, so the two stay apart.
     */
    static String client(Authentication a) {
        if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken || a.getName() == null) return ApiUseService.ANONYMOUS;
        return a.getName().equals(ApiUseService.ANONYMOUS) ? "user:" + ApiUseService.ANONYMOUS : a.getName();
    }

    /** The division codes a request names: its /api/divisions/{code} segment and code-like query parameters. */
    static Set<String> codes(String uri, java.util.function.Function<String, String> param) {
        Set<String> out = new LinkedHashSet<>();
        var m = DIVISION_PATH.matcher(uri);
        if (m.matches()) out.add(m.group(1));
        for (String p : PARAMS) {
            String v = param.apply(p);
            if (v != null && CODE.matcher(v.strip()).matches()) out.add(v.strip());
        }
        return out;
    }
}
