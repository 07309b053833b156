package dev.studybuddy.platform.web;

import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The errors Tomcat answers itself are problems too ({@link ProblemErrorReportValve}), and it believes
 * forwarded headers only from the configured proxies ({@link TrustedProxies}).
 */
@AutoConfiguration
@ConditionalOnClass(Tomcat.class)
public class TomcatErrorsConfiguration {

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    public TrustedProxies trustedProxies(@Value("${studybuddy.web.trusted-proxies:}") List<String> addresses) {
        return new TrustedProxies(addresses);
    }
}
