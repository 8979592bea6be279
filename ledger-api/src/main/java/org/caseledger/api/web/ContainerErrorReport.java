package org.caseledger.api.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Answers what Tomcat refuses before any filter or servlet sees the request (a request line or header over the
 * size limit, a control character in a header, an encoded NUL or backslash in the path) as a problem in JSON, like
 * every other error, instead of Tomcat's HTML error page. Nothing of the request is echoed.
 */
public class ContainerErrorReport extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        // The same conditions as Tomcat's own report: an error status, nothing written yet, reported only once.
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String type = code == 400 ? "malformed-request" : status == null ? "error" : status.name().toLowerCase().replace('_', '-');
        String title = code == 400 ? "Malformed request" : status == null ? "Error" : status.getReasonPhrase();
        String detail = code >= 500 ? "the server could not complete the request"
                : "the server refused the request before reading it: its request line or headers are malformed or too large";
        String problem = "{\"type\":\"" + Problems.TYPE_BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + code
                + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problem);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response was committed meanwhile: there is no one left to answer.
        }
    }

    /**
     * Puts the report in place of Tomcat's on the host. It runs after Spring Boot's own customizer, which adds a
     * plain ErrorReportValve, and names this class as the host's report so that the host adds no other on start.
     */
    static final class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ContainerErrorReport());
                    host.setErrorReportValveClass(ContainerErrorReport.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
