package org.district.pd.plan.pathway;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What coaching writes on a plan: the bodies of its requests. */
public final class CoachingRequests {

    private CoachingRequests() {
    }

    /** The teacher's principal, or a district admin, assigns a coach (an educator in the directory). */
    public record CoachAssignment(@NotNull UUID coachId) {
    }

    /** The teacher asks for a coach, a named one or any, saying why. */
    public record CoachRequest(UUID coachId, @Size(max = 2000) String note) {
    }

    /** A coach's check-in: the day they met, notes the teacher sees, and the next steps. */
    public record CheckIn(LocalDate date, @NotBlank @Size(max = 10000) String notes,
            @Size(max = 4000) String nextSteps) {
    }

    /** A coach signs a milestone off, optionally with a note. */
    public record SignOff(@Size(max = 4000) String note) {
    }

    /**
     * The teacher's reflection: what I tried, why, and what happened for students; for a reflection milestone of the
     * plan when {@code milestone} names one.
     */
    public record Reflection(@Size(max = 200) String milestone, @NotBlank @Size(max = 10000) String tried,
            @NotBlank @Size(max = 10000) String why, @NotBlank @Size(max = 10000) String forStudents) {
    }
}
