package org.district.pd.community.discussion.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.district.pd.community.discussion.Post;

/** The bodies of discussions. Mentions name members of the community by educator id. */
public final class DiscussionBodies {

    private DiscussionBodies() {
    }

    /**
     * A thread: a DISCUSSION (the default) has a title and a body; a REFLECTION tells what I tried, why, and what
     * happened for students (its title is optional).
     */
    public record NewThread(Post.Kind kind, @Size(max = 300) String title, @Size(max = 20_000) String body,
            @Size(max = 10_000) String tried, @Size(max = 10_000) String why, @Size(max = 10_000) String impact,
            @Size(max = 50) List<@NotNull UUID> mentions) {
    }

    public record NewReply(@NotBlank @Size(max = 20_000) String body, @Size(max = 50) List<@NotNull UUID> mentions) {
    }

    /** An edit by the author; fields left out stay as they were. */
    public record PostEdit(@Size(max = 300) String title, @Size(max = 20_000) String body,
            @Size(max = 10_000) String tried, @Size(max = 10_000) String why, @Size(max = 10_000) String impact) {
    }

    public record NewReaction(@NotNull Reaction reaction) {
    }

    public enum Reaction {
        LIKE, INSIGHTFUL, THANKS, CELEBRATE
    }

    public record Hiding(@NotBlank @Size(max = 1000) String reason) {
    }
}
