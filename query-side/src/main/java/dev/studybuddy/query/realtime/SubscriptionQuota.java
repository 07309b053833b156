package dev.studybuddy.query.realtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The subscriptions one STOMP session holds, by id, at most {@code max} at once: each costs the node memory (the
 * broker's registry, {@link GroupSubscriptions}, {@link Presence}) until UNSUBSCRIBE or the session's end, and a
 * client could otherwise SUBSCRIBE without end. Kept in the session's attributes, so it ends with the session.
 */
final class SubscriptionQuota {

    private static final String IDS = SubscriptionQuota.class.getName() + ".ids";

    private SubscriptionQuota() {}

    /** @return whether the session may hold one more subscription under this id (one it holds already: yes) */
    static boolean admits(Map<String, Object> session, String subscriptionId, int max) {
        Set<String> held = held(session);
        return held.contains(subscriptionId) || held.size() < max;
    }

    static void taken(Map<String, Object> session, String subscriptionId) {
        held(session).add(subscriptionId);
    }

    static void released(Map<String, Object> session, String subscriptionId) {
        if (subscriptionId != null) {
            held(session).remove(subscriptionId);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> held(Map<String, Object> session) {
        return (Set<String>) session.computeIfAbsent(IDS, key -> ConcurrentHashMap.newKeySet());
    }
}
