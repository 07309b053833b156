package dev.studybuddy.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.junit.jupiter.api.Test;

class AggregateCacheTest {

    @Test
    void keepsWhatItIsGivenAsAnAxonCache() {
        Cache cache = AggregateCache.bounded(10);

        cache.put("a", "first");
        assertThat(cache.putIfAbsent("a", "ignored")).isFalse();
        assertThat(cache.putIfAbsent("b", "second")).isTrue();
        cache.<String>computeIfPresent("b", value -> value + "!");
        String computed = cache.computeIfAbsent("c", () -> "third");

        assertThat(cache.<String, String>get("a")).isEqualTo("first");
        assertThat(cache.<String, String>get("b")).isEqualTo("second!");
        assertThat(computed).isEqualTo("third");
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(cache.containsKey("a")).isFalse();
        cache.removeAll();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isFalse();
    }

    @Test
    void holdsAtMostItsSize() {
        Cache cache = AggregateCache.bounded(10);

        IntStream.range(0, 1_000).forEach(key -> cache.put(key, new byte[1024]));

        assertThat(IntStream.range(0, 1_000).filter(cache::containsKey).count()).isLessThanOrEqualTo(10);
    }

    /** The reason it replaced Axon's WeakReferenceCache: an aggregate nobody holds survives a collection. */
    @Test
    void keepsAnAggregateThatNobodyElseHoldsThroughGarbageCollections() {
        Cache bounded = AggregateCache.bounded(10);
        Cache weak = new WeakReferenceCache();
        bounded.put("group", new Object());
        weak.put("group", new Object());

        for (int collections = 0; collections < 20 && weak.containsKey("group"); collections++) {
            System.gc();
        }

        assertThat(weak.containsKey("group")).as("the weak cache lost it").isFalse();
        assertThat(bounded.containsKey("group")).isTrue();
    }

    @Test
    void tellsItsListenersWhatHappens() {
        Cache cache = AggregateCache.bounded(1);
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }
        });

        cache.put("a", 1);
        cache.put("a", 2);
        cache.remove("a");
        cache.put("b", 1);
        cache.put("c", 1);

        assertThat(heard)
                .startsWith("created a", "updated a", "removed a", "created b")
                .contains("created c")
                .hasSize(6)
                .containsAnyOf("expired b", "expired c");
    }
}
