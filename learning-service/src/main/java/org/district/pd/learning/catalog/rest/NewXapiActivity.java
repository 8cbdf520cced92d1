package org.district.pd.learning.catalog.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.district.pd.learning.catalog.XapiActivity;

/** One more xAPI activity id for an offering. */
public record NewXapiActivity(
        @NotNull @Pattern(regexp = XapiActivity.PATTERN, message = XapiActivity.MESSAGE) String activityId) {
}
