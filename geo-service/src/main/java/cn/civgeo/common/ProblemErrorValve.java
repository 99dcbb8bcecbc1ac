package cn.civgeo.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests Tomcat refuses before the application sees them (an encoded backslash or NUL in the path, a malformed
 * URL) get a problem detail too, instead of Tomcat's HTML error page.
 */
public class ProblemErrorValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable t) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted()) return;
        ProblemType type = Problems.forStatus(status);
        String detail = status == 400 ? "The request URL or headers are malformed (for example an encoded backslash, "
                + "slash or NUL in the path)" : type.title();
        String body = "{\"type\":\"" + type.type() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing to answer
        }
    }

    @Configuration
    static class Install {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorValve() {
            return f -> f.addContextCustomizers(ctx -> {
                if (ctx.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorValve.class.getName());
                }
            });
        }
    }
}
