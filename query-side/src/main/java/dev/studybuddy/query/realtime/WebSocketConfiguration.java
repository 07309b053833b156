package dev.studybuddy.query.realtime;

import dev.studybuddy.platform.messaging.RetryingListenerContainer;
import dev.studybuddy.platform.security.PublicEndpoints;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP over WebSocket at {@code /ws} with Spring's simple broker for this node's sessions, fed from
 * Redis ({@link RedisFanOut}). The HTTP handshake is public; the STOMP CONNECT authenticates
 * ({@link StompAuthorization}). Frames to a session keep their publish order.
 */
@Configuration
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    private final RealtimeProperties properties;
    private final StompAuthorization authorization;
    private final DeliveryGuard deliveryGuard;
    private final ClientActivity activity;

    WebSocketConfiguration(
            RealtimeProperties properties,
            StompAuthorization authorization,
            DeliveryGuard deliveryGuard,
            ClientActivity activity) {
        this.properties = properties;
        this.authorization = authorization;
        this.deliveryGuard = deliveryGuard;
        this.activity = activity;
    }

    @Bean
    PublicEndpoints webSocketHandshake() {
        return PublicEndpoints.of("/ws", "/ws/**");
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws")
                .setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
        registry.setErrorHandler(new StompFrameErrors());
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic", "/queue");
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        // activity after authorization: a refused frame is nobody's activity
        registration.interceptors(authorization, activity);
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(deliveryGuard);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration
                .setSendTimeLimit((int) properties.sendTimeLimit().toMillis())
                .setSendBufferSizeLimit((int) properties.sendBufferSizeLimit().toBytes())
                .setMessageSizeLimit((int) properties.messageSizeLimit().toBytes());
    }

    @Bean
    ThreadPoolTaskExecutor redisFanOutExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("redis-fan-out-");
        return executor;
    }

    /** One listener thread, so that a channel's updates reach the sessions in the order they were published. */
    @Bean
    RedisMessageListenerContainer redisFanOutContainer(
            RedisConnectionFactory connectionFactory, RedisFanOut fanOut, ThreadPoolTaskExecutor redisFanOutExecutor) {
        RedisMessageListenerContainer container = new RetryingListenerContainer("fan-out");
        container.setConnectionFactory(connectionFactory);
        container.setTaskExecutor(redisFanOutExecutor);
        container.addMessageListener(
                fanOut,
                List.of(
                        new PatternTopic(RedisChannels.CHAT_PATTERN),
                        new PatternTopic(RedisChannels.NOTIFICATIONS_PATTERN),
                        new PatternTopic(RedisChannels.USER_DIRECT_PATTERN),
                        new ChannelTopic(RedisChannels.PRESENCE)));
        return container;
    }
}
