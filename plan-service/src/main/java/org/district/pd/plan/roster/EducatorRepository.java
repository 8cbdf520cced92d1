package org.district.pd.plan.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class EducatorRepository implements PanacheRepositoryBase<Educator, UUID> {

    /** Keeps each query's parameter list well below PostgreSQL's limit of 65,535 bind parameters. */
    private static final int CHUNK = 1000;

    /** The educators with these ids, with their school memberships, in a few queries whatever the count. */
    public Uni<List<Educator>> findWithSchools(List<UUID> ids) {
        List<List<UUID>> chunks = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += CHUNK) {
            chunks.add(ids.subList(start, Math.min(ids.size(), start + CHUNK)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> find(
                        "from Educator e left join fetch e.schoolIds where e.id in ?1", chunk).list())
                .collect().in(ArrayList::new, List::addAll);
    }
}
