package org.district.pd.platform.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Version 7 ids: RFC 9562's layout, and the order PostgreSQL keeps them in (byte by byte, as their text sorts). */
class TimeOrderedIdsTest {

    @Test
    void layoutIsRfc9562sExample() {
        // RFC 9562 appendix A.6: 2022-02-22 19:22:22 UTC (0x017F22E279B0 ms), rand_a 0xCC3, rand_b 0x18C4DC0C0C07398F.
        UUID random = UUID.fromString("00000000-0000-4cc3-98c4-dc0c0c07398f");
        assertThat(TimeOrderedIds.at(0x017F22E279B0L, random))
                .isEqualTo(UUID.fromString("017f22e2-79b0-7cc3-98c4-dc0c0c07398f"));
    }

    @Test
    void aNewIdIsVersion7WithTheTimeItWasMadeAndRandomBits() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
        Set<UUID> many = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(TimeOrderedIds.next());
        }
        assertThat(many).hasSize(10_000);
    }

    @Test
    void anIdOfALaterMillisecondSortsAfterWhateverItsRandomBits() {
        UUID allOnes = new UUID(-1L, -1L);
        UUID allZeros = new UUID(0L, 0L);
        long now = System.currentTimeMillis();

        String earlier = TimeOrderedIds.at(now, allOnes).toString();
        String later = TimeOrderedIds.at(now + 1, allZeros).toString();

        assertThat(earlier).isLessThan(later);
        assertThat(UUID.fromString(later).version()).isEqualTo(7);
    }
}
