package dev.studybuddy.command.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One sign-in as its user sees it in their list of sessions: a refresh token family (same id) with when it began,
 * when it was last used, and from which user agent and address.
 */
@Entity
@Table(name = "sign_in_sessions")
class SignInSession {

    static final int MAX_USER_AGENT = 512;
    static final int MAX_ADDRESS = 64;

    @Id
    private UUID id;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "address")
    private String address;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected SignInSession() {}

    SignInSession(UUID id, UUID userId, Client client, Instant now, Instant expiresAt) {
        this.id = id;
        this.userId = userId;
        this.createdAt = now;
        used(client, now, expiresAt);
    }

    void used(Client client, Instant now, Instant expiresAt) {
        this.lastUsedAt = now;
        this.expiresAt = expiresAt;
        this.userAgent = client.userAgent();
        this.address = client.address();
    }

    UUID id() {
        return id;
    }

    UUID userId() {
        return userId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    String userAgent() {
        return userAgent;
    }

    String address() {
        return address;
    }

    boolean liveAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }

    /** Who signs in or refreshes: the User-Agent header and the client address (the edge's X-Forwarded-For). */
    record Client(String userAgent, String address) {

        static final Client UNKNOWN = new Client(null, null);

        static Client of(jakarta.servlet.http.HttpServletRequest http) {
            return new Client(http.getHeader("User-Agent"), http.getRemoteAddr());
        }

        Client {
            userAgent = cut(userAgent, MAX_USER_AGENT);
            address = cut(address, MAX_ADDRESS);
        }

        private static String cut(String value, int max) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return value.length() > max ? value.substring(0, max) : value;
        }
    }
}
