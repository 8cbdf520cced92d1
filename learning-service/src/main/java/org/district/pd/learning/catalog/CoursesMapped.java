package org.district.pd.learning.catalog;

import java.util.Collection;

import io.smallrye.mutiny.Uni;

/** Told, in the transaction that maps them, that LMS courses now have an offering; completions held for them can go. */
public interface CoursesMapped {

    Uni<Void> coursesMapped(Collection<LmsCourse> courses);
}
