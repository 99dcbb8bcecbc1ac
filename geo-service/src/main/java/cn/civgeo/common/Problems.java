package cn.civgeo.common;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds problem-detail bodies the same way for the exception handler and the security filters. */
public final class Problems {
    private Problems() {}

    /** The body in the current request's language (see {@link ProblemTexts}). */
    public static ProblemDetail detail(ProblemType type, String detail, List<FieldProblem> errors, Map<String, Object> extra) {
        return detail(type, detail, errors, extra, ProblemTexts.requestLang());
    }

    public static ProblemDetail detail(ProblemType type, String detail, List<FieldProblem> errors, Map<String, Object> extra,
                                       ProblemTexts.Lang lang) {
        String title = type.title();
        String detailKey = ProblemTexts.key(detail);
        if (errors != null && !errors.isEmpty()) {
            errors = errors.stream().map(e -> ProblemTexts.localize(e, lang)).toList();
            // one bad field: the detail is "field: message", whose key is the message's
            if (detailKey == null && errors.size() == 1) detailKey = errors.get(0).key();
        }
        if (lang == ProblemTexts.Lang.ZH) {
            title = type.titleZh();
            if (errors != null && !errors.isEmpty()) {
                detail = ProblemTexts.zhSummary(errors);
            } else {
                detail = detail == null ? title : ProblemTexts.zh(detail);
            }
        }
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(type.status(), detail == null ? title : detail);
        pd.setType(type.type());
        pd.setTitle(title);
        if (detailKey != null) pd.setProperty("detailKey", detailKey);
        if (errors != null && !errors.isEmpty()) pd.setProperty("errors", errors);
        if (extra != null) extra.forEach(pd::setProperty);
        return pd;
    }

    public static ResponseEntity<Object> response(ProblemType type, String detail, List<FieldProblem> errors,
                                                  Map<String, Object> extra, HttpHeaders headers) {
        HttpHeaders h = new HttpHeaders();
        if (headers != null) h.putAll(headers);
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemTexts.Lang lang = ProblemTexts.requestLang();
        h.set(HttpHeaders.CONTENT_LANGUAGE, lang == ProblemTexts.Lang.ZH ? "zh-CN" : "en");
        h.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        return new ResponseEntity<>(detail(type, detail, errors, extra, lang), h, type.status());
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType t : ProblemType.values()) {
            if (t.status().value() == status) return t;
        }
        return status >= 500 ? ProblemType.INTERNAL : ProblemType.VALIDATION;
    }
}
