package org.district.pd.community.community.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.district.pd.community.community.CommunityKind;
import org.district.pd.community.community.Visibility;

/**
 * A community as its founder describes it. On an edit, kind and school stay as they were: both decide who the
 * community is for, and its members joined on those terms.
 */
public record CommunityBody(@NotNull CommunityKind kind, @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 4000) String purpose, @Size(max = 20) List<@NotNull @Pattern(regexp = TAG,
                message = TAG_MESSAGE) String> tags,
        UUID schoolId, @NotNull Visibility visibility, Boolean creditBearing) {

    public static final String TAG = "[a-z0-9][a-z0-9-]{0,39}";
    public static final String TAG_MESSAGE = "must be a tag of lower-case letters, digits and hyphens, at most 40";

    public List<String> tagList() {
        return tags == null ? List.of() : tags.stream().distinct().toList();
    }
}
