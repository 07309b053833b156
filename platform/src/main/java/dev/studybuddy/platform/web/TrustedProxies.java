package dev.studybuddy.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * The peers whose {@code X-Forwarded-*} headers a service believes: the edge, nobody else. Tomcat's own
 * default believes every private and loopback peer, so anyone who reaches a service port directly could
 * name any client address and slip past the rate limits kept per address. Runs after Spring Boot's
 * customizer, which adds the {@link RemoteIpValve} ({@code server.forward-headers-strategy: native}).
 */
public class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final String addressPattern;

    /** @param addresses IP literals (IPv4 or IPv6); none: no peer is believed */
    public TrustedProxies(List<String> addresses) {
        this.addressPattern = addresses.stream()
                .map(String::strip)
                .filter(address -> !address.isEmpty())
                .map(TrustedProxies::asTomcatWritesIt)
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    /** The regular expression Tomcat matches the peer's address against; empty when none is trusted. */
    public String addressPattern() {
        return addressPattern;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.getEngineValves().stream()
                .filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast)
                .forEach(valve -> valve.setInternalProxies(addressPattern));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat compares the peer's address in Java's spelling: "::1" is "0:0:0:0:0:0:0:1". */
    private static String asTomcatWritesIt(String literal) {
        if (!literal.matches("[0-9A-Fa-f.:]+")) {
            throw new IllegalArgumentException("A trusted proxy must be an IP address, not '" + literal + "'");
        }
        try {
            return InetAddress.getByName(literal).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address: '" + literal + "'", e);
        }
    }
}
