package org.district.pd.plan.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The same set of facts gives the same plan whatever order they come in, however often each comes: shuffled and
 * duplicated sequences of every kind of fact, reversals included, over three quarters of a two-cycle pathway.
 */
class PathwayDeterminismTest {

    private static final Instant START = PathwayEngineTest.START;
    private static final Instant NOW = Instant.parse("2027-05-01T00:00:00Z");
    private static final List<UUID> OFFERINGS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    @Property(tries = 300)
    void orderAndDuplicatesChangeNothing(@ForAll("facts") List<Fact> facts, @ForAll long seed) {
        Template template = PathwayEngineTest.novice(3);
        PathwayState once = PathwayEngine.evaluate(template, START, facts, NOW);

        Random random = new Random(seed);
        List<Fact> delivered = new ArrayList<>(facts);
        for (Fact fact : facts) {
            if (random.nextInt(3) == 0) {
                delivered.add(fact);
            }
        }
        Collections.shuffle(delivered, random);
        assertThat(PathwayEngine.evaluate(template, START, delivered, NOW)).isEqualTo(once);
    }

    @Provide
    Arbitrary<List<Fact>> facts() {
        return fact().list().ofMaxSize(40).uniqueElements(Fact::id).map(PathwayDeterminismTest::withReversals);
    }

    private Arbitrary<Fact> fact() {
        Arbitrary<String> id = Arbitraries.strings().alpha().ofLength(6);
        // Whole hours over the plan's first 300 days, so that several facts share a time and ties are ordered by id.
        Arbitrary<Instant> time = Arbitraries.integers().between(-10, 300 * 24)
                .map(hours -> START.plus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.DAYS));
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 5);
        Arbitrary<UUID> offering = Arbitraries.of(OFFERINGS);
        Arbitrary<String> tag = Arbitraries.of("literacy", "numeracy");
        Arbitrary<Integer> hours = Arbitraries.integers().between(0, 4);
        return Combinators.combine(id, time, kind, offering, tag, hours).as((key, at, which, offeringId, tagged, h) ->
                switch (which) {
                    case 0 -> Fact.completion(key, at, offeringId, Set.of(tagged), "online", "course",
                            BigDecimal.valueOf(h));
                    case 1 -> Fact.attendance(key, at, offeringId, "plc", "plc", BigDecimal.valueOf(h));
                    case 2 -> Fact.evidence(key, at, PathwayEngineTest.LITERACY);
                    case 3 -> Fact.reflection(key, at, "reflect");
                    case 4 -> Fact.signOff(key, at, "sign-off");
                    default -> Fact.award(key, at, PathwayEngineTest.LITERACY, "course", BigDecimal.valueOf(h));
                });
    }

    /** Every fifth fact is reversed by a later one, as a voided completion or a revoked credential would be. */
    private static List<Fact> withReversals(List<Fact> facts) {
        List<Fact> all = new ArrayList<>(facts);
        for (int i = 0; i < facts.size(); i += 5) {
            Fact reversed = facts.get(i);
            all.add(Fact.reversal("undo-" + reversed.id(), reversed.time().plus(3, ChronoUnit.DAYS), reversed.id()));
        }
        return all;
    }
}
