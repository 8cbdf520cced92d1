package org.district.pd.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The instances of one service, which take turns: each request starts at the next instance round the list. The
 * services keep no state between requests (their state is in their databases), so any instance may take any request.
 * An instance that refused a connection is tried last for the next {@link #SET_ASIDE}, so a stopped instance costs
 * its turns one failed connection, not one per request; it is still tried when no other can be reached.
 */
public final class ServiceInstances {

    static final Duration SET_ASIDE = Duration.ofSeconds(2);

    private final List<URI> urls;
    private final AtomicInteger turn = new AtomicInteger();
    /** Per instance, {@link System#nanoTime()} until which it is tried last; 0 when it is not set aside. */
    private final AtomicLongArray setAsideUntil;

    ServiceInstances(List<URI> urls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least one service URL");
        }
        this.urls = List.copyOf(urls);
        this.setAsideUntil = new AtomicLongArray(urls.size());
    }

    /** The order in which one request tries the instances: from the next in turn round the list, set aside last. */
    List<Integer> order() {
        int first = Math.floorMod(turn.getAndIncrement(), urls.size());
        long now = System.nanoTime();
        List<Integer> order = new ArrayList<>(urls.size());
        List<Integer> setAside = new ArrayList<>(0);
        for (int i = 0; i < urls.size(); i++) {
            int instance = (first + i) % urls.size();
            long until = setAsideUntil.get(instance);
            (until != 0 && until - now > 0 ? setAside : order).add(instance);
        }
        order.addAll(setAside);
        return order;
    }

    URI url(int instance) {
        return urls.get(instance);
    }

    /**
     * The instance refused a connection. True when it had taken the last one tried, so this is news worth a log line:
     * an instance that stays down is logged once, not each time its turn comes round again.
     */
    boolean refused(int instance) {
        return setAsideUntil.getAndSet(instance, System.nanoTime() + SET_ASIDE.toNanos()) == 0;
    }

    /** The instance took a connection: it takes its turns again at once. */
    void connected(int instance) {
        if (setAsideUntil.get(instance) != 0) {
            setAsideUntil.set(instance, 0);
        }
    }
}
