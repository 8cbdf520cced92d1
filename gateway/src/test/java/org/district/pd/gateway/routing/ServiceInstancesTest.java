package org.district.pd.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceInstancesTest {

    private static final List<URI> THREE = List.of(URI.create("http://a:1"), URI.create("http://b:2"),
            URI.create("http://c:3"));

    @Test
    void eachRequestStartsAtTheNextInstanceAndGoesRoundTheList() {
        ServiceInstances instances = new ServiceInstances(THREE);

        assertThat(instances.order()).containsExactly(0, 1, 2);
        assertThat(instances.order()).containsExactly(1, 2, 0);
        assertThat(instances.order()).containsExactly(2, 0, 1);
        assertThat(instances.order()).containsExactly(0, 1, 2);
        assertThat(instances.url(1)).isEqualTo(URI.create("http://b:2"));
    }

    @Test
    void anInstanceThatRefusedIsTriedLastUntilItTakesAConnectionAgain() {
        ServiceInstances instances = new ServiceInstances(THREE);

        assertThat(instances.refused(1)).as("news the first time").isTrue();
        assertThat(instances.refused(1)).as("not news while it is set aside").isFalse();
        assertThat(instances.order()).containsExactly(0, 2, 1);
        assertThat(instances.order()).containsExactly(2, 0, 1);
        assertThat(instances.order()).containsExactly(2, 0, 1);

        instances.connected(1);
        assertThat(instances.order()).containsExactly(0, 1, 2);
        assertThat(instances.refused(1)).as("news again after it came back").isTrue();
    }

    @Test
    void aSetAsideInstanceTakesItsTurnsAgainWhenTheTimeIsUp() throws InterruptedException {
        ServiceInstances instances = new ServiceInstances(THREE.subList(0, 2));
        instances.refused(0);
        assertThat(instances.order()).containsExactly(1, 0);

        Thread.sleep(ServiceInstances.SET_ASIDE.toMillis() + 100);

        assertThat(instances.order()).containsExactly(1, 0);
        assertThat(instances.order()).containsExactly(0, 1);
    }

    @Test
    void aRouteNeedsAnInstance() {
        assertThatThrownBy(() -> new ServiceInstances(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
