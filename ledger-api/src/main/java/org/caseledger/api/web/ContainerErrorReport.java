package org.caseledger.api.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.caseledger.api.problems.ProblemType;
import org.caseledger.api.problems.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Answers what Tomcat refuses before any filter or servlet sees the request (a request line or header over the
 * size limit, a control character in a header, an encoded NUL or backslash in the path) as a problem in JSON, like
 * every other error, instead of Tomcat's HTML error page, with a correlation id of its own. Nothing of the request is
 * echoed.
 */
public class ContainerErrorReport extends ErrorReportValve {

    private final Supplier<Problems> problems;

    ContainerErrorReport(Supplier<Problems> problems) {
        this.problems = problems;
    }

    /** For Tomcat, should it ever make the host's report itself: it then answers in the fewest words. */
    public ContainerErrorReport() {
        this(() -> null);
    }

    /** The type of the status in the ledger's words; if the application has not started, in the fewest Swedish words. */
    private String problem(Request request, int code) {
        Problems words = problems.get();
        if (words != null) {
            return words.json(words.of(request, HttpStatusCode.valueOf(code), ProblemType.forStatus(code)));
        }
        ProblemType type = ProblemType.forStatus(code);
        return "{\"type\":\"" + type.uri() + "\",\"title\":\"Begäran avvisades\",\"status\":" + code + "}";
    }

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
        String problem = problem(request, code);
        try {
            // no filter ran to give the request its correlation id: every answer names one (CorrelationIds)
            if (response.getHeader(CommandContextResolver.CORRELATION_ID) == null) {
                response.setHeader(CommandContextResolver.CORRELATION_ID, CorrelationIds.newId());
            }
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

        private final ObjectProvider<Problems> problems;

        Installer(ObjectProvider<Problems> problems) {
            this.problems = problems;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ContainerErrorReport(problems::getIfAvailable));
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
