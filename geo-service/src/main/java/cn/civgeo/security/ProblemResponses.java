package cn.civgeo.security;

import cn.civgeo.common.ProblemType;
import cn.civgeo.common.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes problem details from security filters, which run before Spring MVC's exception handling. */
@Component
class ProblemResponses {
    private final JsonMapper json;

    ProblemResponses(JsonMapper json) { this.json = json; }

    void write(HttpServletResponse res, ProblemType type, String detail) throws IOException { write(res, type, detail, null); }

    void write(HttpServletResponse res, ProblemType type, String detail, java.util.List<cn.civgeo.common.FieldProblem> errors)
            throws IOException {
        res.setStatus(type.status().value());
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        json.writeValue(res.getOutputStream(), Problems.detail(type, detail, errors, null));
    }
}
