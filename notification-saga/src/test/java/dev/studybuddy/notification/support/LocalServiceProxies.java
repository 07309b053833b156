package dev.studybuddy.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.studybuddy.testing.TcpProxy;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Puts a {@link TcpProxy} between the service under test and each backing service whose outage a test
 * plays: the real local PostgreSQL, RabbitMQ and Redis, and an in-process GreenMail SMTP server. One set per test JVM,
 * shared by the one Spring context.
 */
public class LocalServiceProxies implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static TcpProxy rabbit;
    private static TcpProxy redis;
    private static TcpProxy smtp;
    private static TcpProxy postgres;
    private static GreenMail greenMail;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        start();
        // TestEnvironment, which runs first, has chosen the database; the service reaches its server through a proxy
        String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
        Matcher server =
                Pattern.compile("^(jdbc:postgresql://)[^:/]+:(\\d+)(/.*)$").matcher(url);
        if (!server.matches()) {
            throw new IllegalStateException("Not a local PostgreSQL URL with a port: " + url);
        }
        TestPropertyValues.of(
                        "spring.datasource.url=" + server.group(1) + "127.0.0.1:"
                                + postgres(Integer.parseInt(server.group(2))).port() + server.group(3),
                        "spring.rabbitmq.host=127.0.0.1",
                        "spring.rabbitmq.port=" + rabbit.port(),
                        "spring.data.redis.host=127.0.0.1",
                        "spring.data.redis.port=" + redis.port(),
                        "spring.mail.host=127.0.0.1",
                        "spring.mail.port=" + smtp.port())
                .applyTo(context.getEnvironment());
    }

    private static synchronized void start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            greenMail.start();
            rabbit = new TcpProxy("rabbitmq", Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
            redis = new TcpProxy("redis", Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379")));
            smtp = new TcpProxy("smtp", greenMail.getSmtp().getPort());
        }
    }

    private static synchronized TcpProxy postgres(int port) {
        if (postgres == null) {
            postgres = new TcpProxy("postgres", port);
        }
        return postgres;
    }

    /** PostgreSQL as the service sees it (the test's own {@code JdbcTemplate} from the context goes through it too). */
    public static TcpProxy postgres() {
        return postgres;
    }

    public static TcpProxy rabbit() {
        return rabbit;
    }

    public static TcpProxy redis() {
        return redis;
    }

    public static TcpProxy smtp() {
        return smtp;
    }

    public static GreenMail greenMail() {
        return greenMail;
    }
}
