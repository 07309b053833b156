package dev.studybuddy.query.support;

import dev.studybuddy.testing.TcpProxy;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The module's test node reaches the local Redis through a {@link TcpProxy} (one per JVM), so that a test
 * can take Redis away from this node ({@link #cut()}) and give it back ({@link #restore()}) without
 * stopping the machine's Redis, which other builds share. A {@link SecondNode} talks to Redis directly.
 */
public final class RedisLink implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static TcpProxy proxy;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        TestPropertyValues.of(
                        "spring.data.redis.host=127.0.0.1",
                        "spring.data.redis.port=" + proxy(environment).port())
                .applyTo(environment);
    }

    private static synchronized TcpProxy proxy(ConfigurableEnvironment environment) {
        if (proxy == null) {
            proxy = new TcpProxy("redis", environment.getProperty("spring.data.redis.port", Integer.class, 6379));
        }
        return proxy;
    }

    /** Redis is gone for the test node: open connections drop, new ones are refused. */
    public static synchronized void cut() {
        proxy.cut();
    }

    public static synchronized void restore() {
        proxy.restore();
    }
}
