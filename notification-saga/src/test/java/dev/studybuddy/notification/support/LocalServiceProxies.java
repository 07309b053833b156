package dev.studybuddy.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.studybuddy.testing.TcpProxy;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Puts a {@link TcpProxy} between the service under test and each backing service whose outage a test
 * plays: the real local RabbitMQ and Redis, and an in-process GreenMail SMTP server. One set per test JVM,
 * shared by the one Spring context.
 */
public class LocalServiceProxies implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static TcpProxy rabbit;
    private static TcpProxy redis;
    private static TcpProxy smtp;
    private static GreenMail greenMail;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        start();
        TestPropertyValues.of(
                "spring.rabbitmq.host=127.0.0.1",
                "spring.rabbitmq.port=" + rabbit.port(),
                "spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + redis.port(),
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + smtp.port()).applyTo(context.getEnvironment());
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
