package cn.civgeo.security;

import cn.civgeo.common.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Charges every API request to its caller's bucket ({@link FairUse}) after authentication: the API client, the
 * signed-in user or, for anonymous calls, the client address. A place-name or address search whose text is one
 * character, or a fuzzy search, costs {@value FairUse#BROAD_SEARCH_COST}.
 */
class FairUseFilter extends OncePerRequestFilter {
    private final FairUse fairUse;
    private final ProblemResponses problems;

    FairUseFilter(FairUse fairUse, ProblemResponses problems) {
        this.fairUse = fairUse;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest req) { return !fairUse.enabled() || !req.getRequestURI().startsWith("/api/"); }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        FairUse.Caller caller = caller(req);
        long cost = broadSearch(req) ? FairUse.BROAD_SEARCH_COST : 1;
        FairUse.Decision d = fairUse.take(caller, cost);
        FairUse.headers(res, d);
        if (!d.allowed()) {
            problems.write(res, ProblemType.RATE_LIMITED, caller.name() + " is limited to " + d.limit() + " requests per minute"
                    + (cost > 1 ? " (this search counts as " + cost + ")" : "") + "; retry in " + d.retryAfterSeconds() + " s");
            return;
        }
        req.setAttribute(FairUse.CALLER, caller);
        chain.doFilter(req, res);
    }

    private FairUse.Caller caller(HttpServletRequest req) {
        if (req.getAttribute(BatchQuota.CLIENT) instanceof BatchQuota.Client c) return fairUse.apiClient(c.id(), c.name(), c.perMinute());
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken) && a.getName() != null) {
            return fairUse.user(a.getName());
        }
        return fairUse.anonymous(req.getRemoteAddr());
    }

    private static boolean broadSearch(HttpServletRequest req) {
        if (!"GET".equals(req.getMethod())) return false;
        String uri = req.getRequestURI();
        if (!uri.equals("/api/place-names") && !uri.equals("/api/addresses")) return false;
        String q = req.getParameter("q");
        return q != null && q.strip().codePointCount(0, q.strip().length()) <= 1 || "fuzzy".equalsIgnoreCase(req.getParameter("mode"));
    }
}
