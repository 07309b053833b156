package dev.studybuddy.query.realtime;

import org.springframework.messaging.support.ChannelInterceptor;

/**
 * Counts the frames a client sends as its user's activity (presence's {@code SessionActivity}). Declared here and
 * implemented there so that presence may publish through this package without this package depending on it;
 * {@link WebSocketConfiguration} registers it behind {@link StompAuthorization}, so a refused frame counts for nothing.
 */
public interface ClientActivity extends ChannelInterceptor {}
