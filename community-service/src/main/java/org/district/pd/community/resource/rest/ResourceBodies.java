package org.district.pd.community.resource.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.district.pd.community.community.rest.CommunityBody;
import org.district.pd.community.resource.Resource;

/** The bodies of sharing and collecting resources. */
public final class ResourceBodies {

    private ResourceBodies() {
    }

    /** A resource to share: a link (http or https), its kind, tags, and a short note on why it helped. */
    public record NewResource(@NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+",
            message = "must be an http or https link") String url, @NotBlank @Size(max = 300) String title,
            @NotNull Resource.Kind kind, @Size(max = 20) List<@NotNull @Pattern(regexp = CommunityBody.TAG,
                    message = CommunityBody.TAG_MESSAGE) String> tags,
            @Size(max = 2000) String note) {
    }

    public record NewCollection(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description) {
    }

    public record CollectionItem(@NotNull UUID resourceId) {
    }
}
